package org.nanum.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.ListingStatus;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.platform.rest.Problem;
import org.nanum.residents.application.HouseholdPart;

/**
 * The catalogue's part when the last member leaves a household (decision 0008): nobody would be
 * left to answer for what the household offers (its listings, published or paused) or for the
 * member's own time-bank offers (a family booking their childcare would pay into a household that
 * no longer exists). They are withdrawn first.
 */
@ApplicationScoped
public class CatalogueDeparture implements HouseholdPart {
    static final List<ListingStatus> LIVE = List.of(ListingStatus.PUBLISHED, ListingStatus.PAUSED);

    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Override
    public List<Problem.FieldError> keepsFromLeaving(Departure d) {
        List<Problem.FieldError> open = new ArrayList<>();
        if (!d.last()) {
            return open;
        }
        for (String id : leftBehind(d.householdId(), d.residentId())) {
            open.add(new Problem.FieldError("listings/" + id,
                    "a listing of your household, or your own time-bank offer, is still up: withdraw it first"));
        }
        return open;
    }

    /** Live listings of the household, and live time-bank listings of the resident (null: none). */
    List<String> leftBehind(String householdId, String residentId) {
        return em.createQuery("select l.id from Listing l where l.status in :live and ((l.ownerType = :household "
                        + "and l.ownerId = :h) or (l.ownerType = :resident and l.ownerId = :r and l.kind in :timebank)) "
                        + "order by l.createdAt", String.class)
                .setParameter("live", LIVE).setParameter("household", OwnerType.HOUSEHOLD).setParameter("h", householdId)
                .setParameter("resident", OwnerType.RESIDENT).setParameter("r", residentId == null ? "" : residentId)
                .setParameter("timebank", List.of(ListingKind.SERVICE, ListingKind.CHILDCARE)).setMaxResults(100)
                .getResultList();
    }
}
