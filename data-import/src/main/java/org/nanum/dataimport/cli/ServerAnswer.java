package org.nanum.dataimport.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's answer to one batch: how many records it created, updated, left unchanged, skipped,
 * refused and held for review, and one outcome per record. Read leniently (a missing count is 0),
 * because the report must be written even if the server adds or leaves out a field.
 */
public record ServerAnswer(int created, int updated, int unchanged, int skipped, int errors, int review,
                           List<Outcome> outcomes) {

    public ServerAnswer {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * What happened to one record: CREATED, UPDATED, UNCHANGED, SKIPPED or ERROR; {@code review}
     * when it was imported but held for staff review; {@code field} and {@code reason} say why.
     */
    public record Outcome(String externalId, int line, String outcome, String id, boolean review, String field,
                          String reason) {

        /** Whether the report needs a line for it: anything but a plain create, update or no change. */
        public boolean isWorthReporting() {
            return review || !(outcome.equals("CREATED") || outcome.equals("UPDATED") || outcome.equals("UNCHANGED"));
        }
    }

    public static ServerAnswer fromJson(JsonObject json) {
        List<Outcome> outcomes = new ArrayList<>();
        JsonValue list = json.get("outcomes");
        if (list != null && list.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : list.asJsonArray()) {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    continue;
                }
                JsonObject outcome = value.asJsonObject();
                outcomes.add(new Outcome(text(outcome, "externalId"), number(outcome, "line"),
                        text(outcome, "outcome") == null ? "UNKNOWN" : text(outcome, "outcome"), text(outcome, "id"),
                        outcome.getBoolean("review", false), text(outcome, "field"), text(outcome, "reason")));
            }
        }
        return new ServerAnswer(number(json, "created"), number(json, "updated"), number(json, "unchanged"),
                number(json, "skipped"), number(json, "errors"), number(json, "review"), outcomes);
    }

    static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            return json.getString(name);
        }
        return value.toString();
    }

    private static int number(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonNumber number ? number.intValue() : 0;
    }
}
