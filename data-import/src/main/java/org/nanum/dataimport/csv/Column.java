package org.nanum.dataimport.csv;

import java.util.List;

/**
 * A column a format reads, by its name and the other names exports give it ("Value" or
 * "Value (RRP)"). Names match ignoring case, spaces and punctuation, so "Replacement Cost",
 * "replacement_cost" and "replacementCost" are one column.
 */
public record Column(String name, List<String> aliases) {

    public static Column of(String name, String... aliases) {
        return new Column(name, List.of(aliases));
    }

    boolean matches(String header) {
        String key = key(header);
        return key.equals(key(name)) || aliases.stream().anyMatch(alias -> key.equals(key(alias)));
    }

    static String key(String name) {
        StringBuilder key = new StringBuilder();
        name.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(key::appendCodePoint);
        return key.toString();
    }
}
