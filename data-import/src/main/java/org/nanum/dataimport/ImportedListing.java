package org.nanum.dataimport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A listing as a source describes it, normalized for Nanum's catalogue.
 *
 * <p>{@code source} + {@code externalId} identify it across imports. Amounts are Nanum's only when
 * the source counts in won ({@code replacementValueKrw}, {@code depositKrw}); amounts in another
 * currency are kept as written in {@code extra} under a key that names the currency
 * ({@code replacementValue.USD}), never converted. {@code nanumCategory} is null when no source
 * category maps to a category of the listing's kind. {@code ownerExternalId} is the owning member
 * in the same source, null when the source's organisation owns it. {@code extra} keeps what Nanum
 * has no field for (brand, location, fees...), in the order read.
 */
public record ImportedListing(String source, String externalId, int line, ListingKind kind, Direction direction,
                              String title, String description, List<String> sourceCategories, String nanumCategory,
                              Condition condition, Integer replacementValueKrw, Integer loanPeriodDays,
                              Integer depositKrw, String ownerExternalId, Instant sourceUpdatedAt,
                              Map<String, String> extra) implements Imported<ImportedListing> {

    public ImportedListing {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        sourceCategories = List.copyOf(sourceCategories);
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public static Builder builder(String source, String externalId, int line) {
        return new Builder(source, externalId, line);
    }

    /**
     * Sources repeat rows (daily scrapes, exports of every page): the row updated last wins even
     * when the file lists it first; without dates the later row wins. The kind, the source
     * categories and the Nanum category travel together, because a time-bank listing's kind comes
     * from its categories.
     */
    @Override
    public ImportedListing mergedWith(ImportedListing later) {
        boolean laterIsOlder = later.sourceUpdatedAt != null && sourceUpdatedAt != null
                && later.sourceUpdatedAt.isBefore(sourceUpdatedAt);
        ImportedListing newer = laterIsOlder ? this : later;
        ImportedListing older = laterIsOlder ? later : this;
        ImportedListing categorised = newer.sourceCategories.isEmpty() ? older : newer;
        Map<String, String> extra = new LinkedHashMap<>(older.extra);
        extra.putAll(newer.extra);
        return new ImportedListing(newer.source, newer.externalId, newer.line, categorised.kind, newer.direction,
                either(newer.title, older.title), either(newer.description, older.description),
                categorised.sourceCategories, categorised.nanumCategory,
                either(newer.condition, older.condition),
                either(newer.replacementValueKrw, older.replacementValueKrw),
                either(newer.loanPeriodDays, older.loanPeriodDays), either(newer.depositKrw, older.depositKrw),
                either(newer.ownerExternalId, older.ownerExternalId),
                either(newer.sourceUpdatedAt, older.sourceUpdatedAt), extra);
    }

    private static <V> V either(V preferred, V fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** Builds a listing field by field, so that each reader says only what its source has. */
    public static final class Builder {
        private final String source;
        private final String externalId;
        private final int line;
        private ListingKind kind = ListingKind.GOODS;
        private Direction direction = Direction.OFFER;
        private String title;
        private String description;
        private List<String> sourceCategories = List.of();
        private String nanumCategory;
        private Condition condition;
        private Integer replacementValueKrw;
        private Integer loanPeriodDays;
        private Integer depositKrw;
        private String ownerExternalId;
        private Instant sourceUpdatedAt;
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder(String source, String externalId, int line) {
            this.source = source;
            this.externalId = externalId;
            this.line = line;
        }

        public Builder kind(ListingKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder sourceCategories(List<String> sourceCategories) {
            this.sourceCategories = new ArrayList<>(sourceCategories);
            return this;
        }

        public Builder nanumCategory(String nanumCategory) {
            this.nanumCategory = nanumCategory;
            return this;
        }

        public Builder condition(Condition condition) {
            this.condition = condition;
            return this;
        }

        public Builder replacementValueKrw(Integer replacementValueKrw) {
            this.replacementValueKrw = replacementValueKrw;
            return this;
        }

        public Builder loanPeriodDays(Integer loanPeriodDays) {
            this.loanPeriodDays = loanPeriodDays;
            return this;
        }

        public Builder depositKrw(Integer depositKrw) {
            this.depositKrw = depositKrw;
            return this;
        }

        public Builder ownerExternalId(String ownerExternalId) {
            this.ownerExternalId = ownerExternalId;
            return this;
        }

        public Builder sourceUpdatedAt(Instant sourceUpdatedAt) {
            this.sourceUpdatedAt = sourceUpdatedAt;
            return this;
        }

        /** Keeps a value Nanum has no field for; an absent value is not kept. */
        public Builder extra(String key, String value) {
            if (value != null && !value.isBlank()) {
                extra.put(key, value.strip());
            }
            return this;
        }

        public String source() {
            return source;
        }

        public String externalId() {
            return externalId;
        }

        public int line() {
            return line;
        }

        public ImportedListing build() {
            return new ImportedListing(source, externalId, line, kind, direction, title, description, sourceCategories,
                    nanumCategory, condition, replacementValueKrw, loanPeriodDays, depositKrw, ownerExternalId,
                    sourceUpdatedAt, extra);
        }
    }
}
