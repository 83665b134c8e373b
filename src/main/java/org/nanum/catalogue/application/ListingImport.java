package org.nanum.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.Direction;
import org.nanum.catalogue.domain.Language;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.domain.ListingDetails;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.ListingStatus;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.catalogue.infrastructure.CatalogueStore;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.imports.ImportBatches;
import org.nanum.platform.imports.ImportOutcome;
import org.nanum.platform.imports.ImportRecord;
import org.nanum.platform.imports.ImportRecords;
import org.nanum.platform.imports.Importer;
import org.nanum.platform.imports.Imports;
import org.nanum.platform.imports.RecordRejected;
import org.nanum.platform.imports.SourceRecord;
import org.nanum.residents.application.MemberImport;
import org.nanum.residents.application.MemberImport.Owner;

/**
 * Listings from another system (data-import): each record is checked against the catalogue's
 * rules, then created, updated or left alone, by its source and external id. The rules for what a
 * source does not say are here, in one place:
 * <ul>
 * <li>no Nanum category: the kind's top category, and staff review;</li>
 * <li>goods without condition or loan period, services without a duration, childcare (which needs
 * a time window, the children's number and age bands, and a checked sitter), a record without a
 * description: kept as a draft with what is missing, for staff review, never published as it is;</li>
 * <li>spaces are refused: a bookable space needs its capacity, hours and slots, which no source has;</li>
 * <li>the owner: the member of the same source named by {@code ownerExternalId}; otherwise the city
 * for goods and the source's own account for services and childcare;</li>
 * <li>a listing someone changed in Nanum since it was imported is not overwritten; a record older
 * than what was imported does not replace it.</li>
 * </ul>
 * A complete listing is published and goes through the same publication checks as any other.
 */
@ApplicationScoped
public class ListingImport {
    @Inject
    CatalogueStore store;
    @Inject
    ImportRecords records;
    @Inject
    MemberImport members;
    @Inject
    AuditLog audit;
    @Inject
    Event<ListingChanged> changed;
    @Inject
    jakarta.enterprise.inject.Instance<PublicationCheck> checks;

    /** A listing as the import tool sends it (data-import's ImportedListing). */
    @Schema(name = "ImportedListing", description = "A listing read from a source file. extra: what Nanum has no "
            + "field for (brand, location, prices in another currency...): part of the record's identity, not stored.")
    public record ImportedListing(String externalId, int line, ListingKind kind, Direction direction, String title,
                         String description,
                         @Schema(description = "A Nanum category code of the kind, or null when the source's did not map")
                         String category, List<String> sourceCategories, ListingDetails.Condition condition,
                         Integer replacementValueKrw, Integer depositKrw, Integer loanPeriodDays, String ownerExternalId,
                         Instant sourceUpdatedAt, Map<String, String> extra) implements SourceRecord {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ImportOutcome> importAll(Importer importer, List<ImportedListing> batch) {
        return ImportBatches.each(batch, r -> importOne(importer, r));
    }

    private ImportOutcome importOne(Importer importer, ImportedListing r) {
        String externalId = Imports.externalId(r.externalId());
        Described d = describe(importer, r);
        String contentHash = ImportRecords.hash(r.kind(), d.direction, r.title(), r.description(), r.category(),
                r.sourceCategories(), r.condition(), r.replacementValueKrw(), r.depositKrw(), r.loanPeriodDays(),
                r.ownerExternalId(), r.extra() == null ? null : new java.util.TreeMap<>(r.extra()));
        Instant now = Instant.now();
        ImportRecord known = records.find(importer.source(), ImportRecord.Kind.LISTING, externalId).orElse(null);
        if (known == null) {
            return create(importer, r, externalId, d, contentHash, now);
        }
        if (known.contentHash().equals(contentHash)) {
            return ImportOutcome.done(externalId, r.line(), ImportOutcome.Result.UNCHANGED, known.targetId(), known.review());
        }
        if (r.sourceUpdatedAt() != null && known.sourceUpdatedAt() != null && r.sourceUpdatedAt().isBefore(known.sourceUpdatedAt())) {
            return ImportOutcome.skipped(externalId, r.line(), known.targetId(),
                    "older than what was imported (" + known.sourceUpdatedAt() + ")");
        }
        Listing listing = store.lockListing(known.targetId()).orElse(null);
        if (listing == null || listing.status() == ListingStatus.WITHDRAWN) {
            return ImportOutcome.skipped(externalId, r.line(), known.targetId(), "withdrawn in Nanum");
        }
        if (!nanumHash(listing).equals(known.nanumHash())) {
            return ImportOutcome.skipped(externalId, r.line(), listing.id(),
                    "changed in Nanum since it was imported; the change made here is kept");
        }
        if (listing.kind() != r.kind()) {
            throw new RecordRejected("kind", "was " + listing.kind() + " when imported; a listing's kind cannot change");
        }
        if (!d.missing.isEmpty() && listing.status() != ListingStatus.DRAFT) {
            // A listing people can see is never made incomplete by a poorer record.
            return ImportOutcome.skipped(externalId, r.line(), listing.id(), "the newer record has "
                    + String.join(", ", d.missing) + "; the listing in Nanum is kept as it is");
        }
        listing.describe(d.title, d.description, Language.detect(d.title + " " + d.description), d.category,
                listing.districtCode(), listing.latitude(), listing.longitude(), d.details, now);
        String review = d.reviewText();
        if (review == null && known.review() != null && listing.status() == ListingStatus.DRAFT) {
            // The source now says what it lacked, and nobody touched the draft: it is published as a new one would be.
            listing.moveTo(ListingStatus.PUBLISHED, now);
            if (heldByACheck(listing, ownerOf(listing))) {
                listing.holdForReview(now);
            }
        }
        known.imported(contentHash, nanumHash(listing), r.sourceUpdatedAt(), r.line(), review, importer.residentId(), now);
        audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "catalogue.listing-import-updated", "listing",
                listing.id(), importer.source() + " " + externalId + " (line " + r.line() + ")");
        recordChange(listing, now);
        return ImportOutcome.done(externalId, r.line(), ImportOutcome.Result.UPDATED, listing.id(), review);
    }

    private ImportOutcome create(Importer importer, ImportedListing r, String externalId, Described d, String contentHash,
                                 Instant now) {
        Owner owner = owner(importer, r);
        OwnerType ownerType = owner == null ? OwnerType.CITY
                : r.kind() == ListingKind.CHILDCARE ? OwnerType.HOUSEHOLD : OwnerType.RESIDENT;
        String ownerId = owner == null ? null : ownerType == OwnerType.HOUSEHOLD ? owner.householdId() : owner.residentId();
        Listing listing = new Listing(r.kind(), d.direction, ownerType, ownerId,
                owner == null ? importer.residentId() : owner.residentId(), now);
        listing.describe(d.title, d.description, Language.detect(d.title + " " + d.description), d.category, null, null,
                null, d.details, now);
        store.add(listing);
        String review = d.reviewText();
        if (review == null) {
            listing.moveTo(ListingStatus.PUBLISHED, now);
            if (heldByACheck(listing, owner)) {
                listing.holdForReview(now);
            }
        }
        ImportRecord record = new ImportRecord(importer.source(), ImportRecord.Kind.LISTING, externalId, listing.id(), now);
        record.imported(contentHash, nanumHash(listing), r.sourceUpdatedAt(), r.line(), review, importer.residentId(), now);
        records.add(record);
        audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "catalogue.listing-imported", "listing",
                listing.id(), importer.source() + " " + externalId + " (line " + r.line() + ")");
        recordChange(listing, now);
        return ImportOutcome.done(externalId, r.line(), ImportOutcome.Result.CREATED, listing.id(), review);
    }

    /** The listing's text, category and details, with what is missing for staff to review. */
    private record Described(Direction direction, String title, String description, Category category,
                             ListingDetails details, List<String> missing) {
        String reviewText() {
            return missing.isEmpty() ? null : "kept as a draft for staff: " + String.join("; ", missing);
        }
    }

    private Described describe(Importer importer, ImportedListing r) {
        if (r.kind() == null) {
            throw new RecordRejected("kind", "GOODS, SERVICE or CHILDCARE");
        }
        if (r.kind() == ListingKind.SPACE) {
            throw new RecordRejected("kind", "spaces are not imported: a bookable space needs its capacity, opening "
                    + "hours and slots; staff add it on the city's page");
        }
        Direction direction = r.direction() == null ? Direction.OFFER : r.direction();
        if (!r.kind().allows(direction)) {
            throw new RecordRejected("direction", r.kind() + " listings can only be offers");
        }
        List<String> missing = new ArrayList<>();
        String title = Imports.text("title", r.title(), 120, true);
        String description = Imports.text("description", r.description(), 5000, false);
        if (description == null) {
            description = title;
            missing.add("no description");
        }
        Category category;
        if (r.category() == null || r.category().isBlank()) {
            category = store.category(r.kind().name().toLowerCase(java.util.Locale.ROOT)).orElseThrow();
            List<String> from = r.sourceCategories() == null ? List.of() : r.sourceCategories();
            missing.add(from.isEmpty() ? "no category" : "no Nanum category for " + String.join(", ",
                    from.stream().limit(5).map(c -> Imports.cut(c, 60)).toList()));
        } else {
            category = store.category(r.category()).filter(c -> c.kind() == r.kind())
                    .orElseThrow(() -> new RecordRejected("category", "no " + r.kind() + " category has the code '"
                            + Imports.cut(r.category(), 60) + "'; GET /api/categories lists them"));
        }
        ListingDetails details = switch (r.kind()) {
            case GOODS -> {
                Imports.range("replacementValueKrw", r.replacementValueKrw(), 0, 100_000_000);
                Imports.range("depositKrw", r.depositKrw(), 0, 10_000_000);
                Imports.range("loanPeriodDays", r.loanPeriodDays(), 1, 90);
                if (r.condition() == null) {
                    missing.add("no condition");
                }
                if (r.loanPeriodDays() == null) {
                    missing.add("no loan period");
                }
                yield new ListingDetails(new ListingDetails.Goods(r.condition(), r.replacementValueKrw(),
                        r.loanPeriodDays(), r.depositKrw(), null), null, null, null);
            }
            case SERVICE -> {
                missing.add("no duration in minutes");
                yield new ListingDetails(null, null, new ListingDetails.Service(null), null);
            }
            case CHILDCARE -> {
                missing.add("childcare needs its time window, the number of children and their age bands, and "
                        + "an offer a checked sitter");
                yield new ListingDetails(null, null, null, null);
            }
            case SPACE -> throw new IllegalStateException();
        };
        if (r.kind() != ListingKind.GOODS && (r.condition() != null || r.loanPeriodDays() != null
                || r.replacementValueKrw() != null || r.depositKrw() != null)) {
            throw new RecordRejected(r.condition() != null ? "condition" : r.loanPeriodDays() != null ? "loanPeriodDays"
                    : r.replacementValueKrw() != null ? "replacementValueKrw" : "depositKrw", "only goods have it");
        }
        Imports.extra(r.extra());
        Imports.date("sourceUpdatedAt", r.sourceUpdatedAt());
        return new Described(direction, title, description, category, details, missing);
    }

    private Owner owner(Importer importer, ImportedListing r) {
        if (r.ownerExternalId() != null && !r.ownerExternalId().isBlank()) {
            String member = Imports.externalId(r.ownerExternalId());
            return members.member(importer.source(), member).orElseThrow(() -> new RecordRejected("ownerExternalId",
                    "no member '" + Imports.cut(member, 60) + "' was imported from " + importer.source()
                            + "; import the members first"));
        }
        return r.kind() == ListingKind.GOODS ? null : members.sourceAccount(importer);
    }

    /** Who owns a listing, as the publication checks want it (null for the city's). */
    private static Owner ownerOf(Listing l) {
        return switch (l.ownerType()) {
            case CITY -> null;
            case RESIDENT -> new Owner(l.ownerId(), null);
            case HOUSEHOLD -> new Owner(l.createdBy(), l.ownerId());
        };
    }

    private boolean heldByACheck(Listing l, Owner owner) {
        boolean held = false;
        for (PublicationCheck check : checks) {
            held |= check.holds(l.id(), l.title(), l.description(), l.categoryCode(),
                    owner == null ? null : owner.residentId(), l.ownerType() == OwnerType.HOUSEHOLD ? l.ownerId() : null);
        }
        return held;
    }

    private static String nanumHash(Listing l) {
        return ImportRecords.hash(l.title(), l.description(), l.categoryCode(), l.details() == null ? null : l.details().toJson());
    }

    private void recordChange(Listing listing, Instant now) {
        store.changed(listing, now);
        changed.fire(new ListingChanged(listing.id()));
    }
}
