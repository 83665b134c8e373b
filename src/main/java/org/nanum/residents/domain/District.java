package org.nanum.residents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An administrative district of the city (a 구 in Seoul), with the point at its centre. */
@Entity
@Table(name = "district")
public class District {
    @Id
    private String code;
    @Column(name = "official_code", nullable = false)
    private String officialCode;
    @Column(name = "name_ko", nullable = false)
    private String nameKo;
    @Column(name = "name_en", nullable = false)
    private String nameEn;
    @Column(nullable = false)
    private double latitude;
    @Column(nullable = false)
    private double longitude;

    protected District() {
    }

    public District(String code, String officialCode, String nameKo, String nameEn, double latitude, double longitude) {
        this.code = code;
        this.officialCode = officialCode;
        this.nameKo = nameKo;
        this.nameEn = nameEn;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    /** Takes the names and centre of a newer city data file. */
    public void updateFrom(District other) {
        this.officialCode = other.officialCode;
        this.nameKo = other.nameKo;
        this.nameEn = other.nameEn;
        this.latitude = other.latitude;
        this.longitude = other.longitude;
    }

    public String code() {
        return code;
    }

    public String officialCode() {
        return officialCode;
    }

    public String nameKo() {
        return nameKo;
    }

    public String nameEn() {
        return nameEn;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }
}
