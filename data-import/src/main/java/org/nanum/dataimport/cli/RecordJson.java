package org.nanum.dataimport.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ImportedMember;
import org.nanum.dataimport.ImportedTransfer;

/**
 * The records as the server's import API takes them ({@code POST /api/import/{what}}). Absent
 * values are sent as JSON null, so every record of a kind has the same fields. A member's
 * {@code extra} is not sent: it holds the source's balance and alternative phone, which the
 * server does not want there (the balance travels as an {@link OpeningBalance}).
 */
public final class RecordJson {

    private RecordJson() {
    }

    public static JsonObject listing(ImportedListing listing) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("externalId", listing.externalId())
                .add("line", listing.line())
                .add("kind", listing.kind().name())
                .add("direction", listing.direction().name());
        text(json, "title", listing.title());
        text(json, "description", listing.description());
        text(json, "category", listing.nanumCategory());
        JsonArrayBuilder categories = Json.createArrayBuilder();
        listing.sourceCategories().forEach(categories::add);
        json.add("sourceCategories", categories);
        text(json, "condition", listing.condition() == null ? null : listing.condition().name());
        number(json, "replacementValueKrw", listing.replacementValueKrw());
        number(json, "depositKrw", listing.depositKrw());
        number(json, "loanPeriodDays", listing.loanPeriodDays());
        text(json, "ownerExternalId", listing.ownerExternalId());
        instant(json, "sourceUpdatedAt", listing.sourceUpdatedAt());
        JsonObjectBuilder extra = Json.createObjectBuilder();
        for (Map.Entry<String, String> entry : listing.extra().entrySet()) {
            extra.add(entry.getKey(), entry.getValue());
        }
        return json.add("extra", extra).build();
    }

    public static JsonObject member(ImportedMember member) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("externalId", member.externalId())
                .add("line", member.line());
        text(json, "name", member.name());
        text(json, "email", member.email());
        text(json, "phone", member.phone());
        text(json, "language", member.language());
        instant(json, "joinedAt", member.joinedAt());
        return json.build();
    }

    public static JsonObject transfer(ImportedTransfer transfer) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("externalId", transfer.externalId())
                .add("line", transfer.line())
                .add("fromMember", transfer.fromMember())
                .add("toMember", transfer.toMember())
                .add("minutes", transfer.minutes());
        instant(json, "at", transfer.at());
        text(json, "memo", transfer.memo());
        text(json, "postExternalId", transfer.postExternalId());
        return json.build();
    }

    public static JsonObject balance(OpeningBalance balance) {
        return Json.createObjectBuilder()
                .add("externalId", balance.externalId())
                .add("line", balance.line())
                .add("minutes", balance.minutes())
                .build();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static void number(JsonObjectBuilder json, String name, Integer value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        text(json, name, value == null ? null : value.toString());
    }
}
