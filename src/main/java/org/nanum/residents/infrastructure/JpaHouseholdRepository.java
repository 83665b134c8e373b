package org.nanum.residents.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.nanum.residents.domain.Household;
import org.nanum.residents.domain.HouseholdRepository;

@ApplicationScoped
public class JpaHouseholdRepository implements HouseholdRepository {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Override
    public Optional<Household> findById(String id) {
        return Optional.ofNullable(em.find(Household.class, id));
    }

    @Override
    public Optional<Household> lockById(String id) {
        return Optional.ofNullable(em.find(Household.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Household> lockByInvitationCode(String code) {
        return em.createQuery("select h from Household h where h.invitationCode = :code", Household.class)
                .setParameter("code", code).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public void add(Household household) {
        em.persist(household);
    }

    @Override
    public java.util.List<String> dissolved() {
        return em.createQuery("select h.id from Household h where h.dissolvedAt is not null order by h.createdAt, h.id",
                String.class).getResultList();
    }
}
