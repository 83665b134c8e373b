package org.nanum.moderation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.moderation.domain.Reason;
import org.nanum.moderation.domain.TargetType;
import org.nanum.moderation.domain.TransparencyEntry;

/**
 * The public record of moderation. Staff appear as "staff" and a stable pseudonym: an HMAC of
 * their id with the city's key (NANUM_MODERATION_PSEUDONYM_KEY), so the same moderator has the
 * same pseudonym in every entry and nobody without the key can tell who it is.
 */
@ApplicationScoped
public class TransparencyLog {
    public static final String SYSTEM = "system";
    static final int PAGE = 50;

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    Clock clock;
    /** The city's secret, from the environment only: without it Nanum does not start (no default a reader of the source knows). */
    @Inject
    @ConfigProperty(name = "nanum.moderation.pseudonym-key")
    String key;

    /** An entry as the public sees it. */
    public record EntryView(String id, Instant at, TransparencyEntry.Action action, TargetType targetType,
                            Reason reasonCategory, String actorRole, String actor, boolean automatic, String caseId,
                            String corrects) {
    }

    public record Page(List<EntryView> entries, String next) {
    }

    /** Records an action by a person, joining the caller's transaction; a null id (a resident reporting) shows the role alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void byPerson(TransparencyEntry.Action action, TargetType type, Reason reason, String role, String personId,
                         String caseId) {
        em.persist(new TransparencyEntry(action, type, reason, role, personId == null ? role : pseudonym(role, personId), false, caseId,
                clock.instant()));
    }

    /** Records an action the platform took by itself (an automatic hold). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void automatic(TransparencyEntry.Action action, TargetType type, Reason reason, String caseId) {
        em.persist(new TransparencyEntry(action, type, reason, SYSTEM, SYSTEM, true, caseId, clock.instant()));
    }

    /** Another capability's staff action on the public record (a time-bank grant, reversal or write-off, an import approved). */
    void onPublicRecord(@jakarta.enterprise.event.Observes org.nanum.platform.audit.PublicRecord r) {
        if (r.actorResidentId() == null) {
            automatic(TransparencyEntry.Action.valueOf(r.action()), TargetType.valueOf(r.targetType()), Reason.OTHER,
                    r.caseId());
        } else {
            byPerson(TransparencyEntry.Action.valueOf(r.action()), TargetType.valueOf(r.targetType()), Reason.OTHER,
                    r.actorRole(), r.actorResidentId(), r.caseId());
        }
    }

    /** Newest first, 50 a page; filters are optional; {@code before} is the previous page's {@code next}. */
    @Transactional
    public Page page(TransparencyEntry.Action action, TargetType type, Instant since, String before) {
        StringBuilder q = new StringBuilder("select e from TransparencyEntry e where 1 = 1");
        if (action != null) {
            q.append(" and e.action = :action");
        }
        if (type != null) {
            q.append(" and e.targetType = :type");
        }
        if (since != null) {
            q.append(" and e.at >= :since");
        }
        TransparencyEntry cursor = before == null ? null : em.find(TransparencyEntry.class, before);
        if (cursor != null) {
            q.append(" and (e.at < :cAt or (e.at = :cAt and e.id < :cId))");
        }
        var query = em.createQuery(q.append(" order by e.at desc, e.id desc").toString(), TransparencyEntry.class);
        if (action != null) {
            query.setParameter("action", action);
        }
        if (type != null) {
            query.setParameter("type", type);
        }
        if (since != null) {
            query.setParameter("since", since);
        }
        if (cursor != null) {
            query.setParameter("cAt", cursor.at()).setParameter("cId", cursor.id());
        }
        List<TransparencyEntry> rows = query.setMaxResults(PAGE + 1).getResultList();
        List<EntryView> views = rows.stream().limit(PAGE).map(e -> new EntryView(e.id(), e.at(), e.action(),
                e.targetType(), e.reasonCategory(), e.actorRole(), e.actorPseudonym(), e.automatic(), e.caseId(),
                e.corrects())).toList();
        return new Page(views, rows.size() > PAGE ? views.get(PAGE - 1).id() : null);
    }

    String pseudonym(String role, String personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal((role + ":" + personId).getBytes(StandardCharsets.UTF_8));
            return role.substring(0, Math.min(3, role.length())) + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
