package org.nanum.platform.imports;

/**
 * Who runs an import and how: the staff member (or the import service account) as a resident id,
 * for the import records and the audit trail, the source, and whether it is a dry run.
 */
public record Importer(String residentId, String source, boolean dryRun) {
}
