package org.nanum.platform.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one record of a batch. */
@Schema(description = "What became of one record: CREATED, UPDATED, UNCHANGED (the same as last time), SKIPPED "
        + "(with the reason: changed in Nanum since, or older than what was imported), ERROR (with the field and "
        + "the reason; nothing of it was written) or AWAITING_APPROVAL (nothing of it is written until a second person "
        + "approves its batch: GET /api/import/approvals; reason says why, id is the batch). review: imported, but "
        + "waiting for staff (reason says why).")
public record ImportOutcome(String externalId, int line, Result outcome, String id, boolean review, String field,
                            String reason) {

    public enum Result { CREATED, UPDATED, UNCHANGED, SKIPPED, ERROR, AWAITING_APPROVAL }

    /** Nothing written until a second person approves the batch {@code batchId}. */
    public static ImportOutcome awaiting(String externalId, int line, String batchId, String why) {
        return new ImportOutcome(externalId, line, Result.AWAITING_APPROVAL, batchId, false, null, why);
    }

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
