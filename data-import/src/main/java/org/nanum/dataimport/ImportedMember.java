package org.nanum.dataimport;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A member of a time bank as its software exports them. Only what Nanum needs to invite the person
 * and to attribute transfers is read: no date of birth, address or gender, even when the export
 * has them. A balance is not imported as such: Nanum's balances come from transfers only, so the
 * books balance; the source's figure is kept in {@code extra} for checking.
 */
public record ImportedMember(String source, String externalId, int line, String name, String email, String phone,
                             String language, Instant joinedAt, Map<String, String> extra)
        implements Imported<ImportedMember> {

    public ImportedMember {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    @Override
    public ImportedMember mergedWith(ImportedMember later) {
        Map<String, String> extra = new LinkedHashMap<>(this.extra);
        extra.putAll(later.extra);
        return new ImportedMember(source, externalId, later.line, either(later.name, name), either(later.email, email),
                either(later.phone, phone), either(later.language, language), either(later.joinedAt, joinedAt), extra);
    }

    private static <V> V either(V preferred, V fallback) {
        return preferred != null ? preferred : fallback;
    }
}
