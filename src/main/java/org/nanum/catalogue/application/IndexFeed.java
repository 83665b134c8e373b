package org.nanum.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.catalogue.domain.BlockedPeriod;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.domain.ListingChange;
import org.nanum.catalogue.domain.ListingDetails;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.infrastructure.CatalogueStore;
import org.nanum.catalogue.search.IndexedListing;
import org.nanum.catalogue.search.IndexedListing.DayRange;

/** Reads what the index needs from the database, each call in a transaction of its own. */
@ApplicationScoped
public class IndexFeed {
    @Inject
    CatalogueStore store;
    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    ZoneId cityZone;

    /** Listings to (re)index and ids to remove from the index, for these changed ids. */
    public record Batch(List<IndexedListing> upsert, Set<String> remove) {
    }

    /** A page of a rebuild: the searchable listings among the next ones by id, and the last id read. */
    public record Page(List<IndexedListing> searchable, String lastId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch load(Collection<String> ids) {
        List<Listing> found = store.listings(ids);
        List<IndexedListing> upsert = indexed(found.stream().filter(Listing::isSearchable).toList());
        Set<String> remove = new HashSet<>(ids);
        upsert.forEach(l -> remove.remove(l.id()));
        return new Batch(upsert, remove);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Page pageAfter(String afterId, int size) {
        List<Listing> page = store.listingsAfter(afterId, size);
        return new Page(indexed(page.stream().filter(Listing::isSearchable).toList()),
                page.isEmpty() ? null : page.get(page.size() - 1).id());
    }

    /** The next rows past the watermark, and the rows that have landed among the awaited numbers. */
    public record Changes(List<ListingChange> fresh, List<ListingChange> late) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Changes changes(long watermark, Collection<Long> awaited, int limit) {
        return new Changes(store.changesAfter(watermark, limit), store.changesAmong(awaited));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> seqsBetween(long fromExclusive, long toInclusive) {
        return store.seqsBetween(fromExclusive, toInclusive);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long oldestChange() {
        return store.oldestChange();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int pruneChangesBefore(Instant before) {
        return store.pruneChangesBefore(before);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long lastChange() {
        return store.lastChange();
    }

    private List<IndexedListing> indexed(List<Listing> listings) {
        Map<String, List<BlockedPeriod>> blocked = store.blockedPeriods(listings.stream().map(Listing::id).toList())
                .stream().collect(Collectors.groupingBy(BlockedPeriod::listingId));
        List<IndexedListing> out = new ArrayList<>(listings.size());
        for (Listing l : listings) {
            List<DayRange> periods = blocked.getOrDefault(l.id(), List.of()).stream()
                    .map(b -> new DayRange(b.firstDay().toEpochDay(), b.lastDay().toEpochDay())).toList();
            // Only childcare has a window; parsing every listing's details would slow a rebuild.
            ListingDetails.Childcare care = l.kind() == ListingKind.CHILDCARE ? l.details().childcare() : null;
            DayRange window = care == null ? null : new DayRange(care.from().atZone(cityZone).toLocalDate().toEpochDay(),
                    care.to().atZone(cityZone).toLocalDate().toEpochDay());
            out.add(new IndexedListing(l.id(), l.kind().name(), l.direction().name(), l.ownerType().name(), l.title(),
                    l.description(), l.language().code(), Category.pathOf(l.categoryCode()), l.districtCode(),
                    l.publicLatitude(), l.publicLongitude(), l.updatedAt(), periods, window));
        }
        return out;
    }
}
