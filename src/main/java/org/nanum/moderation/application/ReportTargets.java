package org.nanum.moderation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.application.ListingService.ModerationFacts;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.lending.application.ConversationService;
import org.nanum.lending.application.LoanService;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.moderation.domain.ModerationProblems.TargetNotFoundException;
import org.nanum.moderation.domain.TargetType;
import org.nanum.timebank.application.SessionService;

/**
 * What a report's target is, asked of the capability that owns it: whether it exists for the
 * reporter, whose it is (so nobody reports their own and no moderator decides their own), whether
 * it is urgent (childcare), and the listing it hides when staff hide it.
 */
@ApplicationScoped
public class ReportTargets {
    @Inject
    ListingService listings;
    @Inject
    ConversationService conversations;
    @Inject
    LoanService loans;
    @Inject
    ResidentDirectory residents;
    @Inject
    SessionService sessions;

    /** A resolved target: the residents and households it belongs to, its listing (if any) and urgency. */
    public record Target(TargetType type, String id, Set<String> ownerResidents, Set<String> ownerHouseholds,
                         String listingId, boolean childcare) {
        public boolean belongsTo(Who who) {
            return ownerResidents.contains(who.residentId())
                    || (who.householdId() != null && ownerHouseholds.contains(who.householdId()));
        }
    }

    /** The target as the reporter may report it; 404 when it does not exist for them. */
    public Target resolve(TargetType type, String id, Who reporter) {
        return find(type, id, reporter).orElseThrow(() -> new TargetNotFoundException(type, id));
    }

    /** The target as staff see it (no reporter's view), or empty when it is gone. */
    public Optional<Target> resolveForStaff(TargetType type, String id) {
        return find(type, id, null);
    }

    private Optional<Target> find(TargetType type, String id, Who reporter) {
        return switch (type) {
            case LISTING -> listings.moderationFacts(id).map(f -> ofListing(type, id, f));
            case PHOTO -> listings.moderationFactsOfPhoto(id).map(f -> ofListing(type, id, f));
            case MESSAGE -> conversations.authorOf(id).map(a -> new Target(type, id, Set.of(a), Set.of(), null, false));
            case RESIDENT -> residents.exists(id) ? Optional.of(new Target(type, id, Set.of(id), Set.of(), null, false))
                    : Optional.empty();
            // The reference written about the reporter on that loan (staff: whoever it is about).
            case REFERENCE -> reporter == null ? Optional.of(new Target(type, id, Set.of(), Set.of(), null, false))
                    : loans.referenceAuthor(id, reporter.residentId())
                    .map(a -> new Target(type, id, Set.of(a), Set.of(), null, false));
            // Only its two households may report a session; the other household is the one reported.
            case SESSION -> sessions.householdsOf(id).filter(h -> reporter == null
                            || (reporter.householdId() != null && h.contains(reporter.householdId())))
                    .map(h -> new Target(type, id, Set.of(), reporter == null ? h : Set.of(), null, true));
            // Staff's own actions on the public record, not things residents report.
            case TIMEBANK, IMPORT -> Optional.empty();
        };
    }

    private static Target ofListing(TargetType type, String id, ModerationFacts f) {
        Set<String> owners = f.ownerType() == OwnerType.RESIDENT ? Set.of(f.ownerId()) : Set.of(f.createdBy());
        Set<String> households = f.ownerType() == OwnerType.HOUSEHOLD ? Set.of(f.ownerId()) : Set.of();
        return new Target(type, id, owners, households, f.id(), f.kind() == ListingKind.CHILDCARE);
    }
}
