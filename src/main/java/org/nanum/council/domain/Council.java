package org.nanum.council.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A council: city-wide (no district) or for one district. Its members sit for terms. */
@Entity
@Table(name = "council")
public class Council {
    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    @Column(name = "district_code")
    private String districtCode;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected Council() {
    }

    public Council(String name, String districtCode, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.districtCode = districtCode;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String districtCode() {
        return districtCode;
    }
}
