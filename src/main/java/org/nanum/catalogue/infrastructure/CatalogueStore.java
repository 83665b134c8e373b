package org.nanum.catalogue.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.nanum.catalogue.domain.BlockedPeriod;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.domain.ListingChange;
import org.nanum.catalogue.domain.Photo;

/** JPA access to the catalogue's tables. */
@ApplicationScoped
public class CatalogueStore {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    public Optional<Listing> listing(String id) {
        return Optional.ofNullable(em.find(Listing.class, id));
    }

    public Optional<Listing> lockListing(String id) {
        return Optional.ofNullable(em.find(Listing.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<Listing> listings(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select l from Listing l where l.id in :ids", Listing.class)
                .setParameter("ids", ids).getResultList();
    }

    /** One page of every listing, by id, for rebuilding the index. */
    public List<Listing> listingsAfter(String afterId, int limit) {
        return em.createQuery("select l from Listing l where l.id > :after order by l.id", Listing.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** Ids of the listings of a kind that a resident owns (and, for staff, the city's). */
    public List<String> managedIds(String residentId, String householdId, boolean staff,
                                   org.nanum.catalogue.domain.ListingKind kind) {
        return em.createQuery("select l.id from Listing l where l.kind = :k and ((l.ownerType = :resident and l.ownerId = :r) "
                        + "or (l.ownerType = :household and l.ownerId = :h) or (:staff = true and l.ownerType = :city))",
                        String.class).setParameter("k", kind)
                .setParameter("resident", org.nanum.catalogue.domain.OwnerType.RESIDENT).setParameter("r", residentId)
                .setParameter("household", org.nanum.catalogue.domain.OwnerType.HOUSEHOLD)
                .setParameter("h", householdId == null ? "" : householdId).setParameter("staff", staff)
                .setParameter("city", org.nanum.catalogue.domain.OwnerType.CITY).getResultList();
    }

    public List<Listing> createdBy(String residentId) {
        return em.createQuery("select l from Listing l where l.createdBy = :r order by l.updatedAt desc", Listing.class)
                .setParameter("r", residentId).getResultList();
    }

    public void add(Listing listing) {
        em.persist(listing);
    }

    /** Records in the outbox that the listing changed: the index on every node follows it. */
    public void changed(Listing listing, Instant at) {
        em.persist(new ListingChange(listing.id(), at));
    }

    /** The next outbox rows past the watermark, in order. */
    public List<ListingChange> changesAfter(long watermark, int limit) {
        return em.createQuery("select c from ListingChange c where c.seq > :w order by c.seq", ListingChange.class)
                .setParameter("w", watermark).setMaxResults(limit).getResultList();
    }

    /** The outbox rows with these numbers that have landed. */
    public List<ListingChange> changesAmong(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from ListingChange c where c.seq in :s order by c.seq", ListingChange.class)
                .setParameter("s", seqs).getResultList();
    }

    /** The outbox numbers present in (from, to]. */
    public List<Long> seqsBetween(long fromExclusive, long toInclusive) {
        return em.createQuery("select c.seq from ListingChange c where c.seq > :f and c.seq <= :t", Long.class)
                .setParameter("f", fromExclusive).setParameter("t", toInclusive).getResultList();
    }

    /** The oldest outbox row still kept (0 when the outbox is empty). */
    public long oldestChange() {
        Long min = em.createQuery("select min(c.seq) from ListingChange c", Long.class).getSingleResult();
        return min == null ? 0 : min;
    }

    /** Forgets outbox rows older than the given time; returns how many. */
    public int pruneChangesBefore(Instant before) {
        return em.createQuery("delete from ListingChange c where c.changedAt < :t").setParameter("t", before)
                .executeUpdate();
    }

    public long lastChange() {
        Long max = em.createQuery("select max(c.seq) from ListingChange c", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    public List<BlockedPeriod> blockedPeriods(Collection<String> listingIds) {
        if (listingIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select b from BlockedPeriod b where b.listingId in :ids order by b.firstDay",
                BlockedPeriod.class).setParameter("ids", listingIds).getResultList();
    }

    /**
     * Day blocks of one source, one row per day: adds those for {@code full} days, removes those
     * for {@code notFull} ones; returns whether anything changed.
     */
    public boolean replaceDayBlocks(String listingId, BlockedPeriod.Source source, Collection<LocalDate> full,
                                    Collection<LocalDate> notFull) {
        boolean changed = false;
        if (!notFull.isEmpty()) {
            changed = em.createQuery("delete from BlockedPeriod b where b.listingId = :id and b.source = :s "
                            + "and b.firstDay in :days").setParameter("id", listingId).setParameter("s", source)
                    .setParameter("days", notFull).executeUpdate() > 0;
        }
        if (!full.isEmpty()) {
            List<LocalDate> existing = em.createQuery("select b.firstDay from BlockedPeriod b where b.listingId = :id "
                            + "and b.source = :s and b.firstDay in :days", LocalDate.class).setParameter("id", listingId)
                    .setParameter("s", source).setParameter("days", full).getResultList();
            for (LocalDate day : full) {
                if (!existing.contains(day)) {
                    em.persist(new BlockedPeriod(listingId, day, day, source, null));
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Replaces the periods the owner blocked (other sources' periods stay). */
    public void replaceOwnerBlocks(String listingId, List<BlockedPeriod> periods) {
        em.createQuery("delete from BlockedPeriod b where b.listingId = :id and b.source = :owner")
                .setParameter("id", listingId).setParameter("owner", BlockedPeriod.Source.OWNER).executeUpdate();
        periods.forEach(em::persist);
    }

    public List<Photo> photos(String listingId) {
        return em.createQuery("select p from Photo p where p.listingId = :id order by p.position, p.id", Photo.class)
                .setParameter("id", listingId).getResultList();
    }

    public Optional<Photo> photo(String listingId, String photoId) {
        return Optional.ofNullable(em.find(Photo.class, photoId)).filter(p -> p.listingId().equals(listingId));
    }

    public Optional<Photo> photo(String photoId) {
        return Optional.ofNullable(em.find(Photo.class, photoId));
    }

    public void add(Photo photo) {
        em.persist(photo);
    }

    public void remove(Photo photo) {
        em.remove(photo);
    }

    public Optional<Category> category(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(Category.class, code));
    }

    public List<Category> categories() {
        return em.createQuery("select c from Category c order by c.position", Category.class).getResultList();
    }

    public void add(Category category) {
        em.persist(category);
    }
}
