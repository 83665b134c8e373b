package org.nanum.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.infrastructure.CatalogueStore;
import org.nanum.residents.application.ErasurePart;

/**
 * The catalogue's part of an erasure: the resident's listings (and their household's, when they
 * are its last member) are withdrawn, their words, places and photos erased, and they leave the
 * search index on every node (the outbox). Nothing here has to be closed first: lending says
 * which loans and bookings of these listings are still open.
 */
@ApplicationScoped
public class CatalogueErasure implements ErasurePart {
    @Inject
    CatalogueStore store;
    @Inject
    Event<ListingChanged> changed;
    @PersistenceContext(unitName = "nanum")
    EntityManager em;


    @Override
    public void erase(Subject s) {
        Instant now = Instant.now();
        List<Listing> theirs = em.createQuery("select l from Listing l where (l.ownerType = org.nanum.catalogue.domain.OwnerType.RESIDENT "
                        + "and l.ownerId = :r) or (l.ownerType = org.nanum.catalogue.domain.OwnerType.HOUSEHOLD and l.ownerId = :h)",
                        Listing.class)
                .setParameter("r", s.residentId()).setParameter("h", s.householdIfLast()).getResultList();
        for (Listing listing : theirs) {
            store.photos(listing.id()).forEach(store::remove);
            listing.erase(now);
            store.changed(listing, now);
            changed.fire(new ListingChanged(listing.id()));
        }
    }
}
