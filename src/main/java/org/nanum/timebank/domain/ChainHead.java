package org.nanum.timebank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The chain's last sealed position and hash (one row). Only the sealer and the check read it. */
@Entity
@Table(name = "tb_chain_head")
public class ChainHead {
    @Id
    private int id;
    @Column(nullable = false)
    private long pos;
    @Column(nullable = false)
    private String hash;
    @Column(name = "sealed_at")
    private Instant sealedAt;

    protected ChainHead() {
    }

    public void advance(long newPos, String newHash, Instant now) {
        this.pos = newPos;
        this.hash = newHash;
        this.sealedAt = now;
    }

    public long pos() {
        return pos;
    }

    public String hash() {
        return hash;
    }

    public Instant sealedAt() {
        return sealedAt;
    }
}
