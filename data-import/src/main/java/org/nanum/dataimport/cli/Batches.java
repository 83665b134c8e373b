package org.nanum.dataimport.cli;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the records into requests: at most N records each, and a body well under the server's
 * 1 MiB limit (it answers 413 above it), so a batch is cut early when its JSON would pass
 * {@link #MAX_BODY_BYTES}. Records are kept as their JSON text, so each is measured once.
 */
public final class Batches {

    /** 900 KiB: room under the server's 1 MiB for what a proxy may add. */
    public static final int MAX_BODY_BYTES = 900 * 1024;

    private Batches() {
    }

    /** One request's worth: the records' JSON texts, in order. */
    public record Batch(List<String> records, int bytes) {
        public Batch {
            records = List.copyOf(records);
        }
    }

    /**
     * The batches for {@code records} (JSON texts), each with at most {@code maxRecords} records and
     * a body of at most {@code maxBodyBytes}; a single record larger than that goes alone (the
     * server then says it is too large, rather than the import looping).
     */
    public static List<Batch> of(List<String> records, String source, boolean dryRun, int maxRecords, int maxBodyBytes) {
        int envelope = utf8Length(body(source, dryRun, List.of()));
        List<Batch> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = envelope;
        for (String record : records) {
            int size = utf8Length(record) + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && (current.size() == maxRecords || bytes + size > maxBodyBytes)) {
                batches.add(new Batch(current, bytes));
                current = new ArrayList<>();
                bytes = envelope;
                size = utf8Length(record);
            }
            current.add(record);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(new Batch(current, bytes));
        }
        return batches;
    }

    /** The request body: {@code {"source":..., "dryRun":..., "records":[...]}}. */
    public static String body(String source, boolean dryRun, List<String> records) {
        return "{\"source\":" + Json.createValue(source) + ",\"dryRun\":" + dryRun + ",\"records\":["
                + String.join(",", records) + "]}";
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
