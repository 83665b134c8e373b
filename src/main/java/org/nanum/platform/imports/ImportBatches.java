package org.nanum.platform.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Runs one batch of an import in one transaction: every record the batch accepts is written, or,
 * should anything fail on the way (the database, a node), none is, and the tool sends the batch
 * again. A record the rules refuse is an ERROR outcome and is simply not written. A dry run does all
 * the work and rolls it back, so it reports exactly what the import would do.
 */
@ApplicationScoped
public class ImportBatches {
    /** At most this many records per request (the tool sends 200). */
    public static final int MOST_RECORDS = 500;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /** A batch of records of one kind from one source. */
    @Schema(description = "A batch of at most 500 records of one source, in the order read.")
    public record Batch<T>(
            @Schema(description = "The source's name (the import tool's --source): letters, digits, '.', '_' and '-', "
                    + "at most 60; with each record's externalId it names the record across imports")
            @NotNull(message = "name the source") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,59}",
                    message = "letters, digits, '.', '_' and '-', at most 60") String source,
            @Schema(description = "Do everything, report it, write nothing") Boolean dryRun,
            @NotNull(message = "give the records") @Size(min = 1, max = MOST_RECORDS, message = "1 to 500 records")
            List<@Valid T> records) {

        public boolean isDryRun() {
            return Boolean.TRUE.equals(dryRun);
        }
    }

    /**
     * Each record through {@code one}, in order: a record the rules refuse ({@link RecordRejected})
     * is an ERROR outcome and the batch goes on with the next.
     */
    public static <R extends SourceRecord> List<ImportOutcome> each(List<R> batch, Function<R, ImportOutcome> one) {
        List<ImportOutcome> outcomes = new java.util.ArrayList<>(batch.size());
        for (R r : batch) {
            try {
                if (r == null) {
                    throw new RecordRejected("records", "a record cannot be null");
                }
                outcomes.add(one.apply(r));
            } catch (RecordRejected rejected) {
                outcomes.add(ImportOutcome.error(r == null ? null : r.externalId(), r == null ? 0 : r.line(), rejected));
            }
        }
        return outcomes;
    }

    @Transactional
    public ImportAnswer run(String importerId, Batch<?> batch, Function<Importer, List<ImportOutcome>> work) {
        Importer importer = new Importer(importerId, batch.source(), batch.isDryRun());
        List<ImportOutcome> outcomes = work.apply(importer);
        if (importer.dryRun()) {
            transactions.setRollbackOnly();
        }
        return ImportAnswer.of(importer.source(), importer.dryRun(), outcomes);
    }
}
