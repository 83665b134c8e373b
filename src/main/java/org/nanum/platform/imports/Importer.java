package org.nanum.platform.imports;

/**
 * Who runs an import and how: the staff member (or the import service account) as a resident id,
 * for the import records and the audit trail, the source, whether it is a dry run, and the batch
 * (one request: what waits for a second person is decided batch by batch).
 */
public record Importer(String residentId, String source, boolean dryRun, String batchId) {
    public Importer(String residentId, String source, boolean dryRun) {
        this(residentId, source, dryRun, java.util.UUID.randomUUID().toString());
    }
}
