package org.nanum.moderation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.nanum.catalogue.application.PublicationCheck;
import org.nanum.moderation.domain.ModerationCase;
import org.nanum.moderation.domain.Reason;
import org.nanum.moderation.domain.TargetType;
import org.nanum.moderation.domain.TransparencyEntry;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;

/**
 * The words and categories staff keep that send a listing to the queue before it is published. A
 * word matches case-insensitively anywhere in the title or description (Korean has no spaces to
 * split on), after Unicode normalisation; a category matches itself and the categories below it.
 */
@ApplicationScoped
public class ProhibitedTerms implements PublicationCheck {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ResidentDirectory residents;
    @Inject
    TransparencyLog log;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record TermView(String id, String term, String category, Instant addedAt) {
    }

    @Transactional
    public List<TermView> all() {
        return em.createQuery("select t from ProhibitedTerm t order by t.addedAt, t.id",
                        org.nanum.moderation.domain.ProhibitedTerm.class).getResultList().stream()
                .map(t -> new TermView(t.id(), t.term(), t.category(), t.addedAt())).toList();
    }

    @Transactional
    public TermView add(@NotNull SignedInUser staff, String term, String category, String reason) {
        String word = term == null || term.isBlank() ? null : normal(term);
        String code = category == null || category.isBlank() ? null : category.strip();
        if (word == null && code == null) {
            throw new ProblemException.InvalidField("term", "give a word or a category");
        }
        if (word != null && word.length() < 2) {
            throw new ProblemException.InvalidField("term", "at least 2 characters");
        }
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why, for the record");
        }
        var same = em.createQuery("select t.id from ProhibitedTerm t where "
                + (word == null ? "t.term is null" : "t.term = :w") + " and "
                + (code == null ? "t.category is null" : "t.category = :c"), String.class);
        if (word != null) {
            same.setParameter("w", word);
        }
        if (code != null) {
            same.setParameter("c", code);
        }
        boolean exists = !same.getResultList().isEmpty();
        if (exists) {
            throw new TermExistsException();
        }
        Who who = residents.signIn(staff);
        var t = new org.nanum.moderation.domain.ProhibitedTerm(word, code, who.residentId(), clock.instant());
        em.persist(t);
        audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, "moderation.term-added", "prohibited_term", t.id(),
                reason.strip());
        return new TermView(t.id(), t.term(), t.category(), t.addedAt());
    }

    @Transactional
    public void remove(@NotNull SignedInUser staff, @NotNull String id, String reason) {
        var t = em.find(org.nanum.moderation.domain.ProhibitedTerm.class, id);
        if (t == null) {
            throw new TermNotFoundException(id);
        }
        Who who = residents.signIn(staff);
        em.remove(t);
        audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, "moderation.term-removed", "prohibited_term", id,
                reason == null || reason.isBlank() ? null : reason.strip());
    }

    /** On publishing: a match opens a case (automatic, PROHIBITED_ITEM) and holds the listing. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holds(String listingId, String title, String description, String categoryCode, String ownerResidentId,
                         String ownerHouseholdId) {
        String text = normal((title == null ? "" : title) + " " + (description == null ? "" : description));
        boolean match = false;
        for (var t : em.createQuery("select t from ProhibitedTerm t", org.nanum.moderation.domain.ProhibitedTerm.class)
                .getResultList()) {
            if ((t.term() != null && text.contains(t.term())) || (t.category() != null && categoryCode != null
                    && (categoryCode.equals(t.category()) || categoryCode.startsWith(t.category() + ".")))) {
                match = true;
                break;
            }
        }
        if (!match) {
            return false;
        }
        ModerationCase c = em.createQuery("select c from ModerationCase c where c.targetType = :t and c.targetId = :i "
                        + "and c.status = :o", ModerationCase.class).setParameter("t", TargetType.LISTING)
                .setParameter("i", listingId).setParameter("o", ModerationCase.Status.OPEN).getResultList().stream()
                .findFirst().orElse(null);
        if (c == null) {
            c = new ModerationCase(TargetType.LISTING, listingId, false, ownerResidentId, ownerHouseholdId, clock.instant());
            em.persist(c);
        }
        log.automatic(TransparencyEntry.Action.AUTO_HIDDEN, TargetType.LISTING, Reason.PROHIBITED_ITEM, c.id());
        return true;
    }

    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    public static class TermExistsException extends ProblemException {
        public TermExistsException() {
            super(409, "term-exists", "Already on the list", "That word or category is on the list already.");
        }
    }

    public static class TermNotFoundException extends ProblemException {
        public TermNotFoundException(String id) {
            super(404, "term-not-found", "No such entry", "No prohibited word or category has the id " + id + ".");
        }
    }
}
