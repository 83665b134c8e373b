package org.nanum.dataimport;

import java.util.List;

/**
 * A row that repeated an external id already read: {@code line} was merged into the record first
 * read on {@code firstLine}. {@code changed} names the fields whose values differed (empty when
 * the row was an exact repeat).
 */
public record Merge(String externalId, int firstLine, int line, List<String> changed) {

    public Merge {
        changed = List.copyOf(changed);
    }

    @Override
    public String toString() {
        return "line " + line + " repeats \"" + externalId + "\" of line " + firstLine
                + (changed.isEmpty() ? " (identical)" : " (changed: " + String.join(", ", changed) + ")");
    }
}
