package org.nanum.dataimport;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the records of one file by external id, merging a row that repeats an id into the
 * record already read and noting the merge with both lines, so that one file never yields two
 * records for one id.
 */
public final class Duplicates<T extends Record & Imported<T>> {
    private final Map<String, T> byId = new LinkedHashMap<>();
    private final Map<String, Integer> firstLines = new LinkedHashMap<>();
    private final List<Merge> merges = new ArrayList<>();

    public void add(T record) {
        T earlier = byId.get(record.externalId());
        if (earlier == null) {
            byId.put(record.externalId(), record);
            firstLines.put(record.externalId(), record.line());
            return;
        }
        merges.add(new Merge(record.externalId(), firstLines.get(record.externalId()), record.line(),
                changedFields(earlier, record)));
        byId.put(record.externalId(), earlier.mergedWith(record));
    }

    public List<T> records() {
        return List.copyOf(byId.values());
    }

    public List<Merge> merges() {
        return List.copyOf(merges);
    }

    /** The fields (other than the line) whose values differ, by the records' own component names. */
    static List<String> changedFields(Record earlier, Record later) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : earlier.getClass().getRecordComponents()) {
            if (!component.getName().equals("line")
                    && !Objects.equals(valueOf(component, earlier), valueOf(component, later))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
