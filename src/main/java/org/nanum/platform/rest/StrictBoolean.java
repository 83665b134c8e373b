package org.nanum.platform.rest;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads only JSON {@code true} or {@code false}. JSON-B on its own reads any string as a boolean
 * ("maybe" becomes false), and a staff decision must not flip on a typo.
 * Use: {@code @JsonbTypeDeserializer(StrictBoolean.class) Boolean verified}.
 */
public class StrictBoolean implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.TRUE) {
            return Boolean.TRUE;
        }
        if (value == JsonValue.FALSE) {
            return Boolean.FALSE;
        }
        if (value == JsonValue.NULL) {
            return null;
        }
        throw new NotABooleanException();
    }

    /** Carries no field name: JSON-B does not tell a deserializer which property it reads. */
    public static class NotABooleanException extends JsonbException {
        public NotABooleanException() {
            super("expected true or false");
        }
    }
}
