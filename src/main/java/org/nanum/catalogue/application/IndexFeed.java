package org.nanum.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.domain.ListingChange;
import org.nanum.catalogue.infrastructure.CatalogueStore;
import org.nanum.catalogue.search.IndexedListing;

/** Reads what the index needs from the database, each call in a transaction of its own. */
@ApplicationScoped
public class IndexFeed {
    @Inject
    CatalogueStore store;

    /** Listings to (re)index and ids to remove from the index, for these changed ids. */
    public record Batch(List<IndexedListing> upsert, Set<String> remove) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch load(Collection<String> ids) {
        List<IndexedListing> upsert = new ArrayList<>();
        Set<String> remove = new HashSet<>(ids);
        for (Listing l : store.listings(ids)) {
            if (l.isSearchable()) {
                upsert.add(indexed(l));
                remove.remove(l.id());
            }
        }
        return new Batch(upsert, remove);
    }

    /** One page of searchable listings after the given id, for a rebuild. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Listing> pageAfter(String afterId, int size) {
        return store.listingsAfter(afterId, size);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ListingChange> changesSince(long watermark, Instant recentSince, int limit) {
        return store.changesSince(watermark, recentSince, limit);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long lastChange() {
        return store.lastChange();
    }

    public static IndexedListing indexed(Listing l) {
        return new IndexedListing(l.id(), l.kind().name(), l.direction().name(), l.ownerType().name(), l.title(),
                l.description(), l.language().code(), Category.pathOf(l.categoryCode()), l.districtCode(),
                l.publicLatitude(), l.publicLongitude(), l.updatedAt());
    }
}
