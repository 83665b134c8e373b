package org.nanum.platform.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The import records: what each source's record became, looked up by its external id. */
@ApplicationScoped
public class ImportRecords {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ImportRecord> find(String source, ImportRecord.Kind kind, String externalId) {
        return Optional.ofNullable(em.find(ImportRecord.class, new ImportRecord.Key(source, kind, externalId)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ImportRecord record) {
        em.persist(record);
    }

    /** The records of one kind that point at a target (a listing imported from two sources has two). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ImportRecord> ofTarget(ImportRecord.Kind kind, String targetId) {
        return em.createQuery("select r from ImportRecord r where r.kind = :k and r.targetId = :t", ImportRecord.class)
                .setParameter("k", kind).setParameter("t", targetId).getResultList();
    }

    /** Imported records staff should look at, oldest first; {@code source} null for all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ImportRecord> toReview(String source, int first, int max) {
        var query = em.createQuery("select r from ImportRecord r where r.review is not null"
                + (source == null ? "" : " and r.source = :s")
                + " order by r.firstImportedAt, r.source, r.kind, r.externalId", ImportRecord.class);
        if (source != null) {
            query.setParameter("s", source);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** A SHA-256 of the values, each kept apart from the next so that ("ab","c") and ("a","bc") differ. */
    public static String hash(Object... values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object v : values) {
                digest.update((v == null ? "\u0001null" : "\u0002" + v).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
