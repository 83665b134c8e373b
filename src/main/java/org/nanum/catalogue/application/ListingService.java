package org.nanum.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.catalogue.application.CatalogueViews.CategoryView;
import org.nanum.catalogue.application.CatalogueViews.ListingView;
import org.nanum.catalogue.domain.CatalogueProblems.CityListingsAreStaffsException;
import org.nanum.catalogue.domain.CatalogueProblems.ListingNotFoundException;
import org.nanum.catalogue.domain.CatalogueProblems.NotYourListingException;
import org.nanum.catalogue.domain.CatalogueProblems.StatusChangeNotAllowedException;
import org.nanum.catalogue.domain.BlockedPeriod;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.Direction;
import org.nanum.catalogue.domain.Language;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.domain.ListingDetails;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.ListingStatus;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.catalogue.infrastructure.CatalogueStore;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;

/** Residents and staff list, describe, publish, pause and withdraw; anyone reads what is published. */
@ApplicationScoped
public class ListingService {
    @Inject
    CatalogueStore store;
    @Inject
    ResidentDirectory residents;
    @Inject
    Event<ListingChanged> changed;
    @Inject
    jakarta.enterprise.inject.Instance<PublicationCheck> checks;
    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    ZoneId cityZone;

    @Transactional
    public ListingView create(@NotNull SignedInUser user, @NotNull ListingRequest request) {
        Who who = residents.signIn(user);
        OwnerType ownerType = request.ownerType() != null ? request.ownerType() : defaultOwner(request.kind());
        Direction direction = request.direction() != null ? request.direction() : Direction.OFFER;
        if (!request.kind().allows(ownerType)) {
            throw new ProblemException.InvalidField("ownerType",
                    request.kind() + " listings cannot be owned by " + ownerType);
        }
        if (!request.kind().allows(direction)) {
            throw new ProblemException.InvalidField("direction", request.kind() + " listings can only be offers");
        }
        String ownerId = switch (ownerType) {
            case RESIDENT -> who.residentId();
            case HOUSEHOLD -> residents.householdOf(who);
            case CITY -> {
                if (!user.hasRole(Roles.STAFF)) {
                    throw new CityListingsAreStaffsException();
                }
                yield null;
            }
        };
        if (request.kind() == ListingKind.CHILDCARE && direction == Direction.OFFER
                && !residents.isVerifiedSitter(who.residentId())) {
            throw new org.nanum.residents.domain.ResidentsProblems.SitterNotVerifiedException("Your");
        }
        Instant now = Instant.now();
        Listing listing = new Listing(request.kind(), direction, ownerType, ownerId, who.residentId(), now);
        describe(listing, request, who, now);
        store.add(listing);
        recordChange(listing, now);
        return view(listing, true);
    }

    @Transactional
    public ListingView edit(@NotNull SignedInUser user, @NotNull String id, @NotNull ListingRequest request) {
        Who who = residents.signIn(user);
        Listing listing = ownedListing(user, who, id);
        if (request.kind() != listing.kind()) {
            throw new ProblemException.InvalidField("kind", "a listing's kind cannot change; withdraw it and list anew");
        }
        Instant now = Instant.now();
        describe(listing, request, who, now);
        recordChange(listing, now);
        return view(listing, true);
    }

    @Transactional
    public ListingView changeStatus(@NotNull SignedInUser user, @NotNull String id, @NotNull ListingStatus target) {
        Who who = residents.signIn(user);
        Listing listing = ownedListing(user, who, id);
        if (target == ListingStatus.HIDDEN) {
            throw new ProblemException.InvalidField("status", "only moderation hides a listing");
        }
        if (target == ListingStatus.PUBLISHED) {
            residents.requireNotSuspended(who);
            String missing = listing.details() == null ? "details" : listing.details().missingFor(listing.kind());
            if (missing != null) {
                // An imported draft its source did not say enough about: it is completed first.
                throw new ProblemException.InvalidField(missing, "complete the listing before publishing it");
            }
        }
        ListingStatus from = listing.status();
        Instant now = Instant.now();
        if (!listing.moveTo(target, now)) {
            throw new StatusChangeNotAllowedException(from, target);
        }
        if (target == ListingStatus.PUBLISHED && from != ListingStatus.PUBLISHED && heldByACheck(listing)) {
            listing.holdForReview(now);
        }
        recordChange(listing, now);
        return view(listing, true);
    }

    private boolean heldByACheck(Listing l) {
        boolean held = false;
        for (PublicationCheck check : checks) {
            held |= check.holds(l.id(), l.title(), l.description(), l.categoryCode(),
                    l.ownerType() == OwnerType.HOUSEHOLD ? l.createdBy() : l.ownerId(),
                    l.ownerType() == OwnerType.HOUSEHOLD ? l.ownerId() : null);
        }
        return held;
    }

    /** Inclusive days of the city's calendar. */
    public record Days(LocalDate firstDay, LocalDate lastDay) {
    }

    /** Replaces the days the owner blocks; loans' and bookings' blocks stay. */
    @Transactional
    public ListingView block(@NotNull SignedInUser user, @NotNull String id, @NotNull List<Days> periods) {
        Who who = residents.signIn(user);
        Listing listing = ownedListing(user, who, id);
        LocalDate today = LocalDate.now(cityZone);
        List<BlockedPeriod> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Days d = periods.get(i);
            if (d.lastDay().isBefore(d.firstDay())) {
                throw new ProblemException.InvalidField("blocked[" + i + "].lastDay", "must not be before firstDay");
            }
            if (d.lastDay().isBefore(today)) {
                throw new ProblemException.InvalidField("blocked[" + i + "].lastDay", "is in the past");
            }
            if (d.lastDay().isAfter(today.plusYears(2))) {
                throw new ProblemException.InvalidField("blocked[" + i + "].lastDay", "at most two years ahead");
            }
            blocks.add(new BlockedPeriod(listing.id(), d.firstDay(), d.lastDay(), BlockedPeriod.Source.OWNER, null));
        }
        store.replaceOwnerBlocks(listing.id(), blocks);
        Instant now = Instant.now();
        listing.touch(now);
        recordChange(listing, now);
        return view(listing, true);
    }

    /** A listing as the caller may see it: published ones for anyone (childcare: signed-in only), any of their own. */
    @Transactional
    public ListingView find(SignedInUser userOrNull, @NotNull String id) {
        Listing listing = store.listing(id).orElseThrow(() -> new ListingNotFoundException(id));
        boolean owner = userOrNull != null && mayChange(userOrNull, residents.signIn(userOrNull), listing);
        // Staff read a listing moderation hid, to decide on it; never a draft, never the exact place.
        boolean moderating = userOrNull != null && userOrNull.hasRole(Roles.STAFF) && listing.status() == ListingStatus.HIDDEN;
        if (!owner && !moderating && (!listing.isSearchable() || (!listing.kind().isPublic() && userOrNull == null))) {
            throw new ListingNotFoundException(id);
        }
        return view(listing, owner);
    }

    /**
     * What lending needs to know of a listing to book or lend it: the caller applies its own rules.
     * {@code managedByCaller}: the caller may manage it (its owner; staff for the city's).
     * {@code ownerBlocked}: the days its owner closed it. Hidden from whoever may not see it.
     */
    public record ListingFacts(String id, String title, ListingKind kind, ListingStatus status, OwnerType ownerType,
                               String ownerId, ListingDetails details, boolean managedByCaller, List<Days> ownerBlocked,
                               Direction direction, String createdBy) {
    }

    @Transactional
    public ListingFacts facts(SignedInUser userOrNull, @NotNull String id) {
        return facts(userOrNull, id, false);
    }

    /**
     * The same for a listing the caller already has business with (their loan or booking of it):
     * whatever its status now, so that a paused or withdrawn listing does not hide their own loan
     * or booking from them. Lending checks that they are a party before calling this.
     */
    @Transactional
    public ListingFacts factsForParty(@NotNull SignedInUser user, @NotNull String id) {
        return facts(user, id, true);
    }

    private ListingFacts facts(SignedInUser userOrNull, String id, boolean party) {
        Listing listing = store.listing(id).orElseThrow(() -> new ListingNotFoundException(id));
        boolean manager = userOrNull != null && mayChange(userOrNull, residents.signIn(userOrNull), listing);
        if (!party && !manager && (!listing.isSearchable() || (!listing.kind().isPublic() && userOrNull == null))) {
            throw new ListingNotFoundException(id);
        }
        List<Days> blocked = store.blockedPeriods(List.of(id)).stream()
                .filter(b -> b.source() == BlockedPeriod.Source.OWNER).map(b -> new Days(b.firstDay(), b.lastDay())).toList();
        return new ListingFacts(listing.id(), listing.title(), listing.kind(), listing.status(), listing.ownerType(),
                listing.ownerId(), listing.details(), manager, blocked, listing.direction(), listing.createdBy());
    }

    /** The ids of the listings of one kind a resident created (the demo city's time bank starts from them). */
    @Transactional
    public List<String> createdBy(@NotNull String residentId, @NotNull ListingKind kind) {
        return store.createdBy(residentId).stream().filter(l -> l.kind() == kind).map(Listing::id).toList();
    }

    /** What moderation needs to know of a listing, whatever its status: who owns it, and its kind. */
    public record ModerationFacts(String id, ListingKind kind, ListingStatus status, OwnerType ownerType, String ownerId,
                                  String createdBy) {
    }

    @Transactional
    public java.util.Optional<ModerationFacts> moderationFacts(@NotNull String listingId) {
        return store.listing(listingId).map(l -> new ModerationFacts(l.id(), l.kind(), l.status(), l.ownerType(),
                l.ownerId(), l.createdBy()));
    }

    /** The listing a photo belongs to, for moderation. */
    @Transactional
    public java.util.Optional<ModerationFacts> moderationFactsOfPhoto(@NotNull String photoId) {
        return store.photo(photoId).flatMap(p -> moderationFacts(p.listingId()));
    }

    /**
     * Moderation hides a listing (out of search at once, its owner cannot republish it) or lifts
     * that; joins the caller's transaction. Returns whether the status changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean moderate(@NotNull String listingId, boolean hide) {
        Listing listing = store.lockListing(listingId).orElseThrow(() -> new ListingNotFoundException(listingId));
        Instant now = Instant.now();
        boolean changed = hide ? listing.hide(Listing.BY_MODERATION, now) : listing.restore(Listing.BY_MODERATION, now);
        if (changed) {
            recordChange(listing, now);
        }
        return changed;
    }

    /**
     * A resident's suspension hides the listings they own and the childcare they created, and its
     * end shows again what it hid (not what moderation hid). Joins the caller's transaction;
     * returns how many changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int suspendListingsOf(@NotNull String residentId, boolean suspended) {
        Instant now = Instant.now();
        int changed = 0;
        for (Listing l : store.createdBy(residentId)) {
            boolean theirs = l.ownerType() == OwnerType.RESIDENT ? residentId.equals(l.ownerId())
                    : l.ownerType() == OwnerType.HOUSEHOLD;
            if (theirs && (suspended ? l.hide(Listing.BY_SUSPENSION, now) : l.restore(Listing.BY_SUSPENSION, now))) {
                recordChange(l, now);
                changed++;
            }
        }
        return changed;
    }

    @jakarta.inject.Inject
    CatalogueDeparture departure;

    /**
     * A household was dissolved before decision 0008 with listings still up (LedgerRepair): its
     * listings, and its last member's time-bank offers while they are in no household, are
     * withdrawn. Joins the caller's transaction; returns the ids withdrawn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> withdrawLeftBehind(@NotNull String householdId, String lastMemberWithoutHousehold) {
        Instant now = Instant.now();
        List<String> ids = departure.leftBehind(householdId, lastMemberWithoutHousehold);
        for (String id : ids) {
            Listing l = store.lockListing(id).orElseThrow();
            if (l.moveTo(ListingStatus.WITHDRAWN, now)) {
                recordChange(l, now);
            }
        }
        return ids;
    }

    /** A listing's title, whatever its status, for a resident's own records (their calendar of loans and bookings). */
    @Transactional
    public String titleOf(@NotNull String id) {
        return store.listing(id).map(Listing::title).orElse("(removed)");
    }

    /**
     * Lending says which days its bookings or loans now fill completely ({@code full}) and which
     * they no longer do: search then leaves the listing out for the full days. Joins the caller's
     * transaction, so the days change with the bookings that fill them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markTakenDays(@NotNull String listingId, @NotNull BlockedPeriod.Source source, @NotNull Set<LocalDate> full,
                              @NotNull Set<LocalDate> notFull) {
        Listing listing = store.listing(listingId).orElseThrow(() -> new ListingNotFoundException(listingId));
        if (store.replaceDayBlocks(listingId, source, full, notFull)) {
            Instant now = Instant.now();
            listing.touch(now);
            recordChange(listing, now);
        }
    }

    /** The outbox row (every node's index follows it) and this node's after-commit wake-up. */
    private void recordChange(Listing listing, Instant now) {
        store.changed(listing, now);
        changed.fire(new ListingChanged(listing.id()));
    }

    private ListingView view(Listing listing, boolean owner) {
        return ListingView.of(listing, owner, store.blockedPeriods(List.of(listing.id())), store.photos(listing.id()));
    }

    @Transactional
    public List<ListingView> mine(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        return store.createdBy(who.residentId()).stream().map(l -> view(l, true)).toList();
    }

    /** Ids of the listings of a kind the caller manages: their own, and the city's for staff. */
    @Transactional
    public List<String> managedIds(@NotNull SignedInUser user, @NotNull ListingKind kind) {
        Who who = residents.signIn(user);
        return store.managedIds(who.residentId(), who.householdId(), user.hasRole(Roles.STAFF), kind);
    }

    @Transactional
    public List<CategoryView> categories() {
        return store.categories().stream().map(CategoryView::of).toList();
    }

    private void describe(Listing listing, ListingRequest r, Who who, Instant now) {
        Category category = store.category(r.category())
                .filter(c -> c.kind() == r.kind())
                .orElseThrow(() -> new ProblemException.InvalidField("category",
                        "no " + r.kind() + " category has the code '" + r.category() + "'; GET /api/categories lists them"));
        if (r.details().parts() != 1 || r.details().partFor(r.kind()) == null) {
            throw new ProblemException.InvalidField("details",
                    "give exactly the '" + r.kind().name().toLowerCase() + "' part of the details");
        }
        if (r.kind() == ListingKind.CHILDCARE && !r.details().childcare().to().isAfter(r.details().childcare().from())) {
            throw new ProblemException.InvalidField("details.childcare.to", "must be after 'from'");
        }
        if ((r.latitude() == null) != (r.longitude() == null)) {
            throw new ProblemException.InvalidField(r.latitude() == null ? "latitude" : "longitude",
                    "give both latitude and longitude, or neither");
        }
        String district = r.district() != null ? r.district() : who.districtCode();
        ResidentDirectory.Place place = residents.district(district);
        if (place == null && district != null) {
            throw new ProblemException.InvalidField("district", "no district has the code '" + district + "'");
        }
        Double lat = r.latitude() != null ? r.latitude() : place == null ? null : place.latitude();
        Double lon = r.longitude() != null ? r.longitude() : place == null ? null : place.longitude();
        Language language = r.language() != null ? Language.ofCode(r.language())
                : Language.detect(r.title() + " " + r.description());
        listing.describe(r.title().strip(), r.description().strip(), language, category, district, lat, lon,
                r.details(), now);
    }

    /** The caller's listing, locked for a change (photos use this too); 403/404 otherwise. */
    @Transactional
    public Listing ownedForChange(@NotNull SignedInUser user, @NotNull String id) {
        return ownedListing(user, residents.signIn(user), id);
    }

    private Listing ownedListing(SignedInUser user, Who who, String id) {
        Listing listing = store.lockListing(id).orElseThrow(() -> new ListingNotFoundException(id));
        if (!mayChange(user, who, listing)) {
            if (!listing.isSearchable()) {
                throw new ListingNotFoundException(id);
            }
            throw listing.ownerType() == OwnerType.CITY ? new CityListingsAreStaffsException() : new NotYourListingException();
        }
        return listing;
    }

    private boolean mayChange(SignedInUser user, Who who, Listing listing) {
        return switch (listing.ownerType()) {
            case RESIDENT -> listing.ownerId().equals(who.residentId());
            case HOUSEHOLD -> listing.ownerId().equals(who.householdId());
            case CITY -> user.hasRole(Roles.STAFF);
        };
    }

    private static OwnerType defaultOwner(ListingKind kind) {
        return switch (kind) {
            case GOODS, SERVICE -> OwnerType.RESIDENT;
            case SPACE -> OwnerType.CITY;
            case CHILDCARE -> OwnerType.HOUSEHOLD;
        };
    }
}
