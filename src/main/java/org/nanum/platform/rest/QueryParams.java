package org.nanum.platform.rest;

import java.util.Arrays;

/** Query parameters read by hand, so that a wrong value is a 400 naming the field (JAX-RS would answer 404). */
public final class QueryParams {
    private QueryParams() {
    }

    /** The constant named by {@code value}; null when it is absent or blank. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidField(field, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
