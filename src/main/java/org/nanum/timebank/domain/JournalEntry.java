package org.nanum.timebank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One line of the append-only journal: what a transfer did to the books. A payment is one
 * {@link Entry#POST}; a two-phase transfer is a {@link Entry#HOLD}, then a POST (of the minutes
 * finally moved) or a {@link Entry#VOID}. Only ids, accounts, minutes and times: no personal data.
 * The sealer fills {@code chainPos}, {@code prevHash} and {@code hash} once, after commit.
 */
@Entity
@Table(name = "tb_journal")
public class JournalEntry {
    public enum Entry { HOLD, POST, VOID }

    @Id
    private String id;
    @Column(name = "transfer_id", nullable = false)
    private String transferId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Entry entry;
    @Column(name = "from_account", nullable = false)
    private String fromAccount;
    @Column(name = "to_account", nullable = false)
    private String toAccount;
    @Column(nullable = false)
    private int minutes;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "chain_pos")
    private Long chainPos;
    @Column(name = "prev_hash")
    private String prevHash;
    private String hash;

    protected JournalEntry() {
    }

    public JournalEntry(Transfer t, Entry entry, int minutes, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.transferId = t.id();
        this.entry = entry;
        this.fromAccount = t.fromAccount();
        this.toAccount = t.toAccount();
        this.minutes = minutes;
        // Microseconds: what both databases keep, so the hash is the same after a round trip.
        this.recordedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** Gives the entry its place in the chain; done once, by the sealer. */
    public void seal(long pos, String prev, String ownHash) {
        if (chainPos != null) {
            throw new IllegalStateException("journal entry " + id + " is sealed already");
        }
        this.chainPos = pos;
        this.prevHash = prev;
        this.hash = ownHash;
    }

    public HashChain.Link link(long pos) {
        return new HashChain.Link(pos, id, transferId, entry.name(), fromAccount, toAccount, minutes, recordedAt);
    }

    public String id() {
        return id;
    }

    public String transferId() {
        return transferId;
    }

    public Entry entry() {
        return entry;
    }

    public String fromAccount() {
        return fromAccount;
    }

    public String toAccount() {
        return toAccount;
    }

    public int minutes() {
        return minutes;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Long chainPos() {
        return chainPos;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
