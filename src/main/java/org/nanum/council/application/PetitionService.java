package org.nanum.council.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.nanum.council.domain.CouncilProblems.AlreadySupportedException;
import org.nanum.council.domain.CouncilProblems.PetitionClosedException;
import org.nanum.council.domain.CouncilProblems.PetitionNotFoundException;
import org.nanum.council.domain.Petition;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;

/**
 * Residents' petitions: a resident starts one for a council (a policy value it decides, with a
 * rationale), residents support it once each, and when supporters reach COUNCIL_PETITION_SUPPORTERS
 * it must go on the council's agenda: the sweep makes it a proposal as soon as a term can hold the
 * vote. Supporters are counted, never listed: supporting is as private as signing a ballot.
 */
@ApplicationScoped
public class PetitionService {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    CouncilService councils;
    @Inject
    ProposalService proposals;
    @Inject
    PolicyService policies;
    @Inject
    ResidentDirectory residents;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record PetitionView(String id, String councilId, String councilName, Policy policy, String description,
                               String unit, int valueNow, int proposedValue, String rationale, String startedBy,
                               Instant createdAt, Instant openUntil, int supporters, int needed,
                               Petition.Status status, Instant qualifiedAt, String proposalId, Boolean supportedByMe) {
    }

    @Transactional
    public PetitionView start(@NotNull SignedInUser user, String councilId, String policyKey, Integer value,
                              String rationale) {
        Policy policy = proposals.proposable(policyKey, value);
        String why = ProposalService.required(rationale, "rationale", "say why: residents read it before they support it");
        if (why.length() > 4000) {
            throw new org.nanum.platform.rest.ProblemException.InvalidField("rationale", "at most 4000 characters");
        }
        CouncilService.requireNoCityRole(user, "Staff and admins do not start petitions.");
        Who who = residents.signIn(user);
        residents.requireNotSuspended(who);
        String council = councils.council(councilId).id();
        Instant now = clock.instant();
        Petition p = new Petition(council, policy, value, why, who.residentId(), now,
                now.plus(Duration.ofDays(policies.value(Policy.COUNCIL_PETITION_DAYS))),
                policies.value(Policy.COUNCIL_PETITION_SUPPORTERS));
        em.persist(p);
        em.flush();
        addSupport(p, who.residentId(), now);
        audit.record(who.residentId(), AuditRecord.ActorKind.RESIDENT, "council.petition-started", "petition", p.id(),
                policy + " -> " + value);
        return view(p, who.residentId());
    }

    /** A resident supports a petition once, while it gathers support. */
    @Transactional
    public PetitionView support(@NotNull SignedInUser user, @NotNull String id) {
        CouncilService.requireNoCityRole(user, "Staff and admins do not support petitions.");
        Who who = residents.signIn(user);
        residents.requireNotSuspended(who);
        Petition p = petition(id, true);
        Instant now = clock.instant();
        if (!p.gathering(now)) {
            throw new PetitionClosedException(p.status() == Petition.Status.OPEN
                    ? "Its time for gathering support ended on " + p.openUntil() + "."
                    : "It has " + p.supporters() + " supporters and is " + p.status() + ".");
        }
        if (supports(p.id(), who.residentId())) {
            throw new AlreadySupportedException();
        }
        addSupport(p, who.residentId(), now);
        return view(p, who.residentId());
    }

    @Transactional
    public List<PetitionView> list(String councilId, Petition.Status status, SignedInUser userOrNull) {
        String me = me(userOrNull);
        return Newest.of(em, Petition.class, councilId, status).stream().map(p -> view(p, me)).toList();
    }

    @Transactional
    public PetitionView find(@NotNull String id, SignedInUser userOrNull) {
        return view(petition(id, false), me(userOrNull));
    }

    /** Qualified petitions waiting for the agenda. */
    @Transactional
    public List<String> waiting() {
        return em.createQuery("select p.id from Petition p where p.status = :q or (p.status = :o and p.openUntil <= :now)",
                        String.class).setParameter("q", Petition.Status.QUALIFIED)
                .setParameter("o", Petition.Status.OPEN).setParameter("now", clock.instant()).setMaxResults(100)
                .getResultList();
    }

    /** Puts a qualified petition on the agenda, or lapses one whose time ran out; true when it changed. */
    @Transactional
    public boolean advance(@NotNull String id) {
        Petition p = petition(id, true);
        if (p.status() == Petition.Status.OPEN && !p.gathering(clock.instant())) {
            p.lapse();
            audit.record(null, AuditRecord.ActorKind.SYSTEM, "council.petition-lapsed", "petition", p.id(),
                    p.supporters() + " of " + p.needed() + " supporters");
            return true;
        }
        if (p.status() != Petition.Status.QUALIFIED) {
            return false;
        }
        return proposals.placeOnAgenda(p).map(proposal -> {
            p.placed(proposal.id());
            return true;
        }).orElse(false);
    }

    private void addSupport(Petition p, String residentId, Instant now) {
        em.createNativeQuery("insert into council_petition_support (petition_id, resident_id, created_at) "
                + "values (?, ?, ?)").setParameter(1, p.id()).setParameter(2, residentId)
                .setParameter(3, java.sql.Timestamp.from(now)).executeUpdate();
        p.supported(now);
    }

    private boolean supports(String petitionId, String residentId) {
        return !em.createNativeQuery("select 1 from council_petition_support where petition_id = ? and resident_id = ?")
                .setParameter(1, petitionId).setParameter(2, residentId).getResultList().isEmpty();
    }

    private String me(SignedInUser userOrNull) {
        return userOrNull == null ? null : residents.bySubject(userOrNull.subject()).map(Who::residentId).orElse(null);
    }

    private Petition petition(String id, boolean lock) {
        Petition p = id == null ? null : lock ? em.find(Petition.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Petition.class, id);
        if (p == null) {
            throw new PetitionNotFoundException(id);
        }
        return p;
    }

    private PetitionView view(Petition p, String me) {
        String author = residents.displayNames(List.of(p.createdBy())).get(p.createdBy());
        return new PetitionView(p.id(), p.councilId(), councils.council(p.councilId()).name(), p.policy(),
                p.policy().description(), p.policy().unit(), policies.value(p.policy()), p.proposedValue(),
                p.rationale(), author, p.createdAt(), p.openUntil(), p.supporters(), p.needed(), p.status(),
                p.qualifiedAt(), p.proposalId(), me == null ? null : supports(p.id(), me));
    }
}
