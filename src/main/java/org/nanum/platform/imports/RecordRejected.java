package org.nanum.platform.imports;

/**
 * One record of a batch cannot be imported: the field at fault and why. Caught by the batch, which
 * goes on with the next record; it never leaves an import service, so it never rolls back a batch.
 */
public class RecordRejected extends RuntimeException {
    private final String field;

    public RecordRejected(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
