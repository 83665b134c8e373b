package org.nanum.platform.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one record of a batch. */
@Schema(description = "What became of one record: CREATED, UPDATED, UNCHANGED (the same as last time), SKIPPED "
        + "(with the reason: changed in Nanum since, or older than what was imported) or ERROR (with the field and "
        + "the reason; nothing of it was written). review: imported, but waiting for staff (reason says why).")
public record ImportOutcome(String externalId, int line, Result outcome, String id, boolean review, String field,
                            String reason) {

    public enum Result { CREATED, UPDATED, UNCHANGED, SKIPPED, ERROR }

    public static ImportOutcome done(String externalId, int line, Result result, String id, String review) {
        return new ImportOutcome(externalId, line, result, id, review != null, null, review);
    }

    public static ImportOutcome skipped(String externalId, int line, String id, String reason) {
        return new ImportOutcome(externalId, line, Result.SKIPPED, id, false, null, reason);
    }

    public static ImportOutcome error(String externalId, int line, RecordRejected why) {
        return new ImportOutcome(externalId, line, Result.ERROR, null, false, why.field(), why.getMessage());
    }
}
