package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ListingKind;

/** Batches: at most N records, and a body under 900 KiB however long the records are. */
class BatchesTest {

    private static List<String> listings(int count, String description) {
        return IntStream.range(0, count).mapToObj(i -> RecordJson.listing(ImportedListing.builder("s", "id-" + i, i + 2)
                .kind(ListingKind.GOODS).title("Item " + i).description(description).build()).toString()).toList();
    }

    @Test
    void batchesHoldAtMostTheRecordsAsked() {
        List<Batches.Batch> batches = Batches.of(listings(450, "short"), "s", false, 200, Batches.MAX_BODY_BYTES);

        assertEquals(List.of(200, 200, 50), batches.stream().map(batch -> batch.records().size()).toList());
    }

    @Test
    void longRecordsCutABatchBefore900KiB() {
        // 5,000 characters of Hangul: 15,000 bytes each, so 200 of them would be about 3 MB.
        List<String> records = listings(200, "가".repeat(5000));

        List<Batches.Batch> batches = Batches.of(records, "houston", false, 200, Batches.MAX_BODY_BYTES);

        assertTrue(batches.size() >= 4, "batches: " + batches.size());
        List<String> again = new ArrayList<>();
        for (Batches.Batch batch : batches) {
            String body = Batches.body("houston", false, batch.records());
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            assertEquals(bytes, batch.bytes(), "the batch knows its body's size");
            assertTrue(bytes <= 900 * 1024, "body of " + bytes + " bytes");
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            assertEquals("houston", json.getString("source"));
            assertEquals(false, json.getBoolean("dryRun"));
            assertEquals(batch.records().size(), json.getJsonArray("records").size());
            again.addAll(batch.records());
        }
        assertEquals(records, again, "every record once, in order");
        assertTrue(batches.getFirst().bytes() > 800 * 1024, "a batch is filled before it is cut");
    }

    @Test
    void aRecordLargerThanTheLimitGoesAlone() {
        List<String> records = List.of("{\"a\":1}", "{\"big\":\"" + "x".repeat(2000) + "\"}", "{\"b\":2}");

        List<Batches.Batch> batches = Batches.of(records, "s", true, 200, 1000);

        assertEquals(List.of(1, 1, 1), batches.stream().map(batch -> batch.records().size()).toList());
    }

    @Test
    void noRecordsNoBatch() {
        assertEquals(List.of(), Batches.of(List.of(), "s", false, 200, Batches.MAX_BODY_BYTES));
    }

    @Test
    void theBodyIsTheContractsEnvelope() {
        JsonObject json = Json.createReader(new StringReader(
                Batches.body("café \"x\"", true, List.of("{\"externalId\":\"1\"}")))).readObject();

        assertEquals("café \"x\"", json.getString("source"));
        assertTrue(json.getBoolean("dryRun"));
        assertEquals("1", json.getJsonArray("records").getJsonObject(0).getString("externalId"));
    }
}
