package org.nanum.platform.imports;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: the counts, and each record's outcome in the batch's order. */
@Schema(description = "Counts of the batch's outcomes and each record's outcome, in order. In a dry run the same "
        + "answer comes back and nothing is written (ids are then absent).")
public record ImportAnswer(String source, boolean dryRun, int created, int updated, int unchanged, int skipped,
                           int errors, int awaitingApproval, int review, List<ImportOutcome> outcomes) {

    public static ImportAnswer of(String source, boolean dryRun, List<ImportOutcome> outcomes) {
        int[] n = new int[ImportOutcome.Result.values().length];
        int review = 0;
        List<ImportOutcome> shown = outcomes;
        for (ImportOutcome o : outcomes) {
            n[o.outcome().ordinal()]++;
            review += o.review() ? 1 : 0;
        }
        if (dryRun) {
            shown = outcomes.stream().map(o -> new ImportOutcome(o.externalId(), o.line(), o.outcome(),
                    o.outcome() == ImportOutcome.Result.CREATED || o.outcome() == ImportOutcome.Result.AWAITING_APPROVAL
                            ? null : o.id(), o.review(), o.field(), o.reason())).toList();
        }
        return new ImportAnswer(source, dryRun, n[0], n[1], n[2], n[3], n[4], n[5], review, shown);
    }
}
