package org.nanum.lending.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.nanum.lending.domain.Booking;
import org.nanum.lending.domain.BookingSlot;

/** The booking tables. Callers hold the transaction. */
@ApplicationScoped
public class BookingStore {
    private static final int INSERT_CHUNK = 500;
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    public Optional<Booking> booking(String id) {
        return Optional.ofNullable(em.find(Booking.class, id));
    }

    public Optional<Booking> lockBooking(String id) {
        return Optional.ofNullable(em.find(Booking.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public long futureBookingsOf(String residentId, Instant now) {
        return em.createQuery("select count(b) from Booking b where b.bookerId = :r and b.status = :s "
                        + "and b.purpose = :p and b.endsAt > :now", Long.class)
                .setParameter("r", residentId).setParameter("s", Booking.Status.CONFIRMED)
                .setParameter("p", Booking.Purpose.BOOKING).setParameter("now", now).getSingleResult();
    }

    /** The taken quarter hours among these, with the booking holding each. */
    public List<BookingSlot> takenAmong(String listingId, Collection<Instant> quarters) {
        if (quarters.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s from BookingSlot s where s.listingId = :l and s.slotStart in :q", BookingSlot.class)
                .setParameter("l", listingId).setParameter("q", quarters).getResultList();
    }

    public List<BookingSlot> takenBetween(String listingId, Instant from, Instant to) {
        return em.createQuery("select s from BookingSlot s where s.listingId = :l and s.slotStart >= :f "
                        + "and s.slotStart < :t", BookingSlot.class)
                .setParameter("l", listingId).setParameter("f", from).setParameter("t", to).getResultList();
    }

    /**
     * Writes the bookings and their quarter hours: a quarter hour another transaction took first
     * fails here, on its primary key, and this returns false (the caller then throws, and its
     * transaction rolls back). The rows go in with plain SQL, in time order: EclipseLink would
     * insert them in no particular order, and two transactions inserting overlapping rows in
     * different orders deadlock on PostgreSQL.
     */
    public boolean add(List<Booking> bookings, List<BookingSlot> slots) {
        bookings.forEach(em::persist);
        em.flush();
        List<BookingSlot> ordered = slots.stream().sorted(java.util.Comparator.comparing(BookingSlot::slotStart)).toList();
        try {
            for (int from = 0; from < ordered.size(); from += INSERT_CHUNK) {
                List<BookingSlot> chunk = ordered.subList(from, Math.min(ordered.size(), from + INSERT_CHUNK));
                StringBuilder sql = new StringBuilder("insert into booking_slot (listing_id, slot_start, booking_id) values ");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
                }
                var insert = em.createNativeQuery(sql.toString());
                int p = 1;
                for (BookingSlot slot : chunk) {
                    insert.setParameter(p++, slot.listingId());
                    insert.setParameter(p++, java.time.OffsetDateTime.ofInstant(slot.slotStart(), java.time.ZoneOffset.UTC));
                    insert.setParameter(p++, slot.bookingId());
                }
                insert.executeUpdate();
            }
            return true;
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    public void release(String bookingId) {
        em.createQuery("delete from BookingSlot s where s.bookingId = :b").setParameter("b", bookingId).executeUpdate();
    }

    public List<Booking> ofBooker(String residentId, Instant endedAfter) {
        return em.createQuery("select b from Booking b where b.bookerId = :r and b.purpose = :p and b.endsAt > :t "
                        + "order by b.startsAt", Booking.class).setParameter("r", residentId)
                .setParameter("p", Booking.Purpose.BOOKING).setParameter("t", endedAfter).getResultList();
    }

    /** Bookings and blocks of these spaces touching the period, in time order. */
    public List<Booking> ofSpaces(List<String> listingIds, Instant from, Instant to) {
        List<Booking> out = new java.util.ArrayList<>();
        for (int i = 0; i < listingIds.size(); i += 1000) {
            out.addAll(em.createQuery("select b from Booking b where b.listingId in :ids and b.endsAt > :f and b.startsAt < :t",
                            Booking.class).setParameter("ids", listingIds.subList(i, Math.min(listingIds.size(), i + 1000)))
                    .setParameter("f", from).setParameter("t", to).getResultList());
        }
        out.sort(java.util.Comparator.comparing(Booking::startsAt).thenComparing(Booking::id));
        return out;
    }

    public List<Booking> ofSpace(String listingId, Instant from, Instant to) {
        return em.createQuery("select b from Booking b where b.listingId = :l and b.endsAt > :f and b.startsAt < :t "
                        + "order by b.startsAt", Booking.class).setParameter("l", listingId).setParameter("f", from)
                .setParameter("t", to).getResultList();
    }

    /** SQLState 23505 is a unique violation on PostgreSQL and on H2 alike. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
