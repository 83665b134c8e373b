package org.nanum.timebank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Who asked for a transfer and why, in people's words. Kept apart from the transfer and outside
 * the hash chain, so that erasing a resident's data leaves the chain verifiable.
 */
@Entity
@Table(name = "tb_transfer_note")
public class TransferNote {
    @Id
    @Column(name = "transfer_id")
    private String transferId;
    @Column(name = "by_resident")
    private String byResident;
    private String memo;
    @Column(name = "listing_id")
    private String listingId;

    protected TransferNote() {
    }

    public TransferNote(String transferId, String byResident, String memo, String listingId) {
        this.transferId = transferId;
        this.byResident = byResident;
        this.memo = memo;
        this.listingId = listingId;
    }

    public String transferId() {
        return transferId;
    }

    public String byResident() {
        return byResident;
    }

    public String memo() {
        return memo;
    }

    public String listingId() {
        return listingId;
    }
}
