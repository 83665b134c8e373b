package org.nanum.council.application;

import jakarta.persistence.EntityManager;
import java.util.List;

/** The newest 200 proposals or petitions, of one council and in one status when given (null: any). */
final class Newest {
    private Newest() {
    }

    static <T> List<T> of(EntityManager em, Class<T> type, String councilId, Enum<?> status) {
        StringBuilder q = new StringBuilder("select x from " + type.getSimpleName() + " x where 1 = 1");
        if (councilId != null) {
            q.append(" and x.councilId = :c");
        }
        if (status != null) {
            q.append(" and x.status = :s");
        }
        var query = em.createQuery(q.append(" order by x.createdAt desc, x.id").toString(), type);
        if (councilId != null) {
            query.setParameter("c", councilId);
        }
        if (status != null) {
            query.setParameter("s", status);
        }
        return query.setMaxResults(200).getResultList();
    }
}
