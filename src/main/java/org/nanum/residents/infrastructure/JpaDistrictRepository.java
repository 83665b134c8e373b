package org.nanum.residents.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.nanum.residents.domain.District;
import org.nanum.residents.domain.DistrictRepository;

@ApplicationScoped
public class JpaDistrictRepository implements DistrictRepository {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Override
    public List<District> all() {
        return em.createQuery("select d from District d order by d.nameEn", District.class).getResultList();
    }

    @Override
    public Optional<District> findByCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(District.class, code));
    }

    @Override
    public void add(District district) {
        em.persist(district);
    }
}
