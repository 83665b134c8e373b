package org.nanum.residents.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;

@ApplicationScoped
public class JpaResidentRepository implements ResidentRepository {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Override
    public Optional<Resident> findById(String id) {
        return Optional.ofNullable(em.find(Resident.class, id));
    }

    @Override
    public Optional<Resident> findBySubject(String subject) {
        return em.createQuery("select r from Resident r where r.subject = :subject", Resident.class)
                .setParameter("subject", subject).getResultStream().findFirst();
    }

    @Override
    public Optional<Resident> lockBySubject(String subject) {
        return em.createQuery("select r from Resident r where r.subject = :subject", Resident.class)
                .setParameter("subject", subject).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Resident> lockById(String id) {
        return Optional.ofNullable(em.find(Resident.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public long[] welcomeCounts() {
        Object[] row = em.createQuery("select count(r), count(distinct r.welcomeTransferId) from Resident r "
                + "where r.welcomeTransferId is not null", Object[].class).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    @Override
    public List<Resident> membersOf(String householdId) {
        return em.createQuery("select r from Resident r where r.householdId = :household order by r.createdAt",
                Resident.class).setParameter("household", householdId).getResultList();
    }

    @Override
    public List<Resident> unclaimedWithEmail(String email) {
        return em.createQuery("select r from Resident r where r.subject is null and lower(r.email) = :email "
                + "order by r.createdAt, r.id", Resident.class).setParameter("email", email.toLowerCase(java.util.Locale.ROOT))
                .getResultList();
    }

    @Override
    public Optional<Resident> signedInWithEmail(String email) {
        return em.createQuery("select r from Resident r where r.subject is not null and lower(r.email) = :email "
                        + "order by r.createdAt, r.id",
                        Resident.class).setParameter("email", email.toLowerCase(java.util.Locale.ROOT))
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public void add(Resident resident) {
        em.persist(resident);
    }
}
