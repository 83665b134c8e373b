package org.nanum.dataimport;

import java.time.Instant;
import java.util.Objects;

/**
 * Time given by one member to another. Transfers are facts: a repeated row is the same transfer
 * (its external id is derived from its content when the source gives none), and a merge keeps the
 * first row. {@link #TIME_BANK} stands for the time bank's own account.
 */
public record ImportedTransfer(String source, String externalId, int line, String fromMember, String toMember,
                               int minutes, Instant at, String memo, String postExternalId)
        implements Imported<ImportedTransfer> {

    /** The member id used for the time bank's own account (TimeOverflow exports it as id 0). */
    public static final String TIME_BANK = "time-bank";

    public ImportedTransfer {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(fromMember, "fromMember");
        Objects.requireNonNull(toMember, "toMember");
        Objects.requireNonNull(at, "at");
    }

    /** Identical content gives an identical id, so there is nothing to fill in: the first row stands. */
    @Override
    public ImportedTransfer mergedWith(ImportedTransfer later) {
        return this;
    }
}
