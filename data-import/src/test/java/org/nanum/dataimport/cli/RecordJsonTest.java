package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nanum.dataimport.Condition;
import org.nanum.dataimport.Direction;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ImportedMember;
import org.nanum.dataimport.ImportedTransfer;
import org.nanum.dataimport.ListingKind;

/** Each record as the import API takes it, read back as JSON: every field, nulls and non-ASCII text. */
class RecordJsonTest {

    private static JsonObject parsed(JsonObject json) {
        return Json.createReader(new StringReader(json.toString())).readObject();
    }

    @Test
    void aListingHasEveryField() {
        ImportedListing listing = ImportedListing.builder("houston", "houston/42", 12)
                .kind(ListingKind.GOODS).direction(Direction.OFFER).title("전동 드릴 \"Bosch\"")
                .description("Line one\nLine two — é ü 漢字 😀").sourceCategories(List.of("Tools & Equipment", "Drills"))
                .nanumCategory("goods.tools").condition(Condition.GOOD).replacementValueKrw(129000).depositKrw(20000)
                .loanPeriodDays(14).ownerExternalId("7").sourceUpdatedAt(Instant.parse("2019-01-22T10:14:55Z"))
                .extra("brand", "Bosch").extra("replacementValue.USD", "129.99").build();

        JsonObject json = parsed(RecordJson.listing(listing));

        assertEquals("houston/42", json.getString("externalId"));
        assertEquals(12, json.getInt("line"));
        assertEquals("GOODS", json.getString("kind"));
        assertEquals("OFFER", json.getString("direction"));
        assertEquals("전동 드릴 \"Bosch\"", json.getString("title"));
        assertEquals("Line one\nLine two — é ü 漢字 😀", json.getString("description"));
        assertEquals("goods.tools", json.getString("category"));
        assertEquals(List.of("Tools & Equipment", "Drills"),
                json.getJsonArray("sourceCategories").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("GOOD", json.getString("condition"));
        assertEquals(129000, json.getInt("replacementValueKrw"));
        assertEquals(20000, json.getInt("depositKrw"));
        assertEquals(14, json.getInt("loanPeriodDays"));
        assertEquals("7", json.getString("ownerExternalId"));
        assertEquals("2019-01-22T10:14:55Z", json.getString("sourceUpdatedAt"));
        assertEquals(Map.of("brand", "Bosch", "replacementValue.USD", "129.99"), Map.of(
                "brand", json.getJsonObject("extra").getString("brand"),
                "replacementValue.USD", json.getJsonObject("extra").getString("replacementValue.USD")));
        assertFalse(json.containsKey("source"), "the source is the request's, not each record's");
    }

    @Test
    void aListingsAbsentValuesAreNull() {
        ImportedListing listing = ImportedListing.builder("timebanks.org", "york/1", 3)
                .kind(ListingKind.SERVICE).direction(Direction.REQUEST).title("Tutoring").build();

        JsonObject json = parsed(RecordJson.listing(listing));

        assertEquals("SERVICE", json.getString("kind"));
        assertEquals("REQUEST", json.getString("direction"));
        for (String field : List.of("description", "category", "condition", "replacementValueKrw", "depositKrw",
                "loanPeriodDays", "ownerExternalId", "sourceUpdatedAt")) {
            assertTrue(json.isNull(field), field);
        }
        assertEquals(0, json.getJsonArray("sourceCategories").size());
        assertEquals(0, json.getJsonObject("extra").size());
    }

    @Test
    void aMemberLeavesItsExtraBehind() {
        ImportedMember member = new ImportedMember("timeoverflow", "1", 2, "Anna Laparra Ñúñez", "anna@example.org",
                null, "es", Instant.parse("2019-01-22T10:14:55Z"), Map.of("balance", "3:30", "alternativePhone", "6563"));

        JsonObject json = parsed(RecordJson.member(member));

        assertEquals(Set.of("externalId", "line", "name", "email", "phone", "language", "joinedAt"), json.keySet());
        assertEquals("1", json.getString("externalId"));
        assertEquals(2, json.getInt("line"));
        assertEquals("Anna Laparra Ñúñez", json.getString("name"));
        assertEquals("anna@example.org", json.getString("email"));
        assertTrue(json.isNull("phone"));
        assertEquals("es", json.getString("language"));
        assertEquals("2019-01-22T10:14:55Z", json.getString("joinedAt"));
    }

    @Test
    void aTransferNamesTheTimeBank() {
        ImportedTransfer transfer = new ImportedTransfer("timeoverflow", "t-0123456789abcdef0123", 5,
                ImportedTransfer.TIME_BANK, "3", 90, Instant.parse("2019-01-22T09:14:55Z"), "Bienvenida ☺", null);

        JsonObject json = parsed(RecordJson.transfer(transfer));

        assertEquals(Set.of("externalId", "line", "fromMember", "toMember", "minutes", "at", "memo", "postExternalId"),
                json.keySet());
        assertEquals("t-0123456789abcdef0123", json.getString("externalId"));
        assertEquals("time-bank", json.getString("fromMember"));
        assertEquals("3", json.getString("toMember"));
        assertEquals(90, json.getInt("minutes"));
        assertEquals("2019-01-22T09:14:55Z", json.getString("at"));
        assertEquals("Bienvenida ☺", json.getString("memo"));
        assertEquals(JsonValue.NULL, json.get("postExternalId"));
    }

    @Test
    void aBalanceIsAMemberAndMinutes() {
        JsonObject json = parsed(RecordJson.balance(new OpeningBalance("4", 5, -90)));

        assertEquals(Set.of("externalId", "line", "minutes"), json.keySet());
        assertEquals("4", json.getString("externalId"));
        assertEquals(5, json.getInt("line"));
        assertEquals(-90, json.getInt("minutes"));
    }
}
