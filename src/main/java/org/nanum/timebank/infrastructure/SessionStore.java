package org.nanum.timebank.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nanum.timebank.domain.CareNote;
import org.nanum.timebank.domain.Session;

/** The session tables. Callers hold the transaction. */
@ApplicationScoped
public class SessionStore {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "nanum.db.kind", defaultValue = "h2")
    String dbKind;

    public void add(Session s) {
        em.persist(s);
        em.flush();
    }

    public Optional<Session> session(String id) {
        return Optional.ofNullable(em.find(Session.class, id));
    }

    public Optional<Session> lockSession(String id) {
        return Optional.ofNullable(em.find(Session.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Locks the provider's resident row: their sessions are counted one request after the other.
     * On PostgreSQL "for no key update", which does not wait for (nor make wait) the key-share locks
     * that every insert referring to the resident takes (a notification to them, say): with "for
     * update" those would deadlock against the ledger's account locks. H2 takes no such locks.
     */
    public void lockProvider(String residentId) {
        String lock = "postgresql".equals(dbKind) ? "for no key update" : "for update";
        em.createNativeQuery("select id from resident where id = ? " + lock).setParameter(1, residentId).getResultList();
    }

    /** The provider's sessions taking their time between start and end. */
    public long overlapping(String providerResident, Instant start, Instant end) {
        return em.createQuery("select count(s) from Session s where s.providerResident = :p and s.status in :busy "
                        + "and s.startsAt < :end and s.endsAt > :start", Long.class)
                .setParameter("p", providerResident).setParameter("busy", Session.Status.TAKING_TIME)
                .setParameter("start", start).setParameter("end", end).getSingleResult();
    }

    /** A household's sessions, soonest last, those ending after {@code since}. */
    public List<Session> ofHousehold(String householdId, Instant since) {
        return em.createQuery("select s from Session s where (s.providerHousehold = :h or s.receiverHousehold = :h) "
                        + "and s.endsAt >= :since order by s.startsAt desc", Session.class)
                .setParameter("h", householdId).setParameter("since", since).setMaxResults(500).getResultList();
    }

    public List<Session> withStatus(Session.Status status) {
        return em.createQuery("select s from Session s where s.status = :s order by s.startsAt", Session.class)
                .setParameter("s", status).setMaxResults(500).getResultList();
    }

    public Optional<CareNote> careNote(String sessionId) {
        return Optional.ofNullable(em.find(CareNote.class, sessionId));
    }

    public void add(CareNote note) {
        em.persist(note);
    }

    /** Erases a session's care note; returns whether there was one. */
    public boolean eraseCareNote(String sessionId) {
        return em.createQuery("delete from CareNote c where c.sessionId = :s").setParameter("s", sessionId)
                .executeUpdate() > 0;
    }

    /** Erases the care notes of sessions that ended before {@code before}; returns how many. */
    public int eraseCareNotesEndedBefore(Instant before) {
        return em.createNativeQuery("delete from tb_care_note where session_id in "
                        + "(select id from tb_session where ends_at < ?)")
                .setParameter(1, java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).executeUpdate();
    }

    /**
     * Sessions not settled (proposed, scheduled, a no-show claimed, disputed) with the resident as
     * sitter or family, or, when {@code householdId} is given, of that household; soonest first.
     */
    public List<String> openOf(String residentId, String householdId) {
        return em.createQuery("select s.id from Session s where s.status in :open and (s.providerResident = :r "
                        + "or s.receiverResident = :r or s.providerHousehold = :h or s.receiverHousehold = :h) "
                        + "order by s.startsAt", String.class)
                .setParameter("open", Session.Status.OPEN).setParameter("r", residentId)
                .setParameter("h", householdId == null ? "" : householdId).setMaxResults(100).getResultList();
    }

    /** No-show claims nobody answered before their time ran out. */
    public List<String> claimsUnansweredBefore(Instant now) {
        return em.createQuery("select s.id from Session s where s.status = :c and s.answerBy <= :now", String.class)
                .setParameter("c", Session.Status.NO_SHOW_CLAIMED).setParameter("now", now).setMaxResults(200)
                .getResultList();
    }

    /** Proposed sessions whose start has passed without an answer. */
    public List<String> unansweredBefore(Instant now) {
        return em.createQuery("select s.id from Session s where s.status = :p and s.startsAt <= :now", String.class)
                .setParameter("p", Session.Status.PROPOSED).setParameter("now", now).setMaxResults(200).getResultList();
    }
}
