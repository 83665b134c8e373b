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
import java.util.Map;
import org.nanum.council.application.CouncilService.Seat;
import org.nanum.council.domain.Ballot;
import org.nanum.council.domain.Comment;
import org.nanum.council.domain.Council;
import org.nanum.council.domain.CouncilProblems.AlreadyVotedException;
import org.nanum.council.domain.CouncilProblems.NotAMemberException;
import org.nanum.council.domain.CouncilProblems.OutsideWindowException;
import org.nanum.council.domain.CouncilProblems.PolicyNotProposableException;
import org.nanum.council.domain.CouncilProblems.ProposalNotFoundException;
import org.nanum.council.domain.CouncilProblems.TermConflictException;
import org.nanum.council.domain.Petition;
import org.nanum.council.domain.Proposal;
import org.nanum.council.domain.Term;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;

/**
 * Proposals to change a policy value: members propose, residents and members comment while it is
 * open for comments, the members of its term vote in the voting window, and the council's sweep
 * counts it once the window closes. A passed proposal becomes the policy value in force at its
 * effective date, through {@link PolicyService#decide}: the one place services read rules from.
 */
@ApplicationScoped
public class ProposalService {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    CouncilService councils;
    @Inject
    PolicyService policies;
    @Inject
    ResidentDirectory residents;
    @Inject
    AuditLog audit;
    @Inject
    NotificationService notifications;
    @Inject
    Clock clock;

    /** A proposal as anyone reads it; the counts appear once it is counted, the caller's own ballot always. */
    public record ProposalView(String id, String councilId, String councilName, Policy policy, String description,
                               String unit, int valueThen, int proposedValue, Instant effectiveFrom, String rationale,
                               String proposedBy, String petitionId, Instant createdAt, Instant commentsUntil,
                               Instant votingUntil, Proposal.Phase phase, Proposal.Status status, int quorumPercent,
                               Integer members, Integer yes, Integer no, Integer abstentions, Instant decidedAt,
                               List<CommentView> comments, Ballot.Choice myBallot) {
    }

    public record CommentView(String id, String author, String body, Instant at) {
    }

    /** A member proposes a new value for a policy councils decide, with a rationale. */
    @Transactional
    public ProposalView propose(@NotNull SignedInUser user, String councilId, String policyKey, Integer value,
                                Instant effectiveFrom, String rationale) {
        Policy policy = proposable(policyKey, value);
        String why = required(rationale, "rationale", "say why: residents read it before they comment");
        Seat seat = councils.requireSeat(user, councilId);
        Instant now = clock.instant();
        Instant votingUntil = votingUntil(now);
        if (effectiveFrom != null && effectiveFrom.isBefore(votingUntil)) {
            throw new ProblemException.InvalidField("effectiveFrom", "not before the vote closes (" + votingUntil + ")");
        }
        Term term = councils.termHolding(seat.councilId(), votingUntil).orElseThrow(() -> new TermConflictException(
                "The vote would close on " + votingUntil + ", after this term ends; the next term may take it up."));
        Proposal p = open(seat.councilId(), term.id(), policy, value, effectiveFrom, why, seat.residentId(), null, now);
        audit.record(seat.residentId(), AuditRecord.ActorKind.COUNCIL, "council.proposed", "proposal", p.id(),
                policy + " " + p.valueThen() + " -> " + value);
        return view(p, user);
    }

    /** A qualified petition goes on the agenda (the sweep); empty while no term can hold the whole vote. */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<Proposal> placeOnAgenda(Petition petition) {
        Instant now = clock.instant();
        return councils.termHolding(petition.councilId(), votingUntil(now)).map(term -> {
            Proposal p = open(petition.councilId(), term.id(), petition.policy(), petition.proposedValue(), null,
                    petition.rationale(), null, petition.id(), now);
            audit.record(null, AuditRecord.ActorKind.SYSTEM, "council.petition-on-agenda", "proposal", p.id(),
                    "petition " + petition.id() + " with " + petition.supporters() + " supporters");
            return p;
        });
    }

    @Transactional
    public List<ProposalView> list(String councilId, Proposal.Status status, SignedInUser userOrNull) {
        return Newest.of(em, Proposal.class, councilId, status).stream().map(p -> view(p, userOrNull)).toList();
    }

    @Transactional
    public ProposalView find(@NotNull String id, SignedInUser userOrNull) {
        return view(proposal(id, false), userOrNull);
    }

    /** A resident or member comments while the proposal is open for comments (staff and admins do not). */
    @Transactional
    public ProposalView comment(@NotNull SignedInUser user, @NotNull String id, String body) {
        String text = required(body, "body", "write the comment");
        if (text.length() > 2000) {
            throw new ProblemException.InvalidField("body", "at most 2000 characters");
        }
        CouncilService.requireNoCityRole(user, "Staff and admins do not comment on council proposals.");
        Who who = residents.signIn(user);
        residents.requireNotSuspended(who);
        Proposal p = proposal(id, false);
        Instant now = clock.instant();
        if (p.phase(now) != Proposal.Phase.COMMENTS) {
            throw new OutsideWindowException("Comments were open until " + p.commentsUntil() + ".");
        }
        em.persist(new Comment(p.id(), who.residentId(), text, now));
        em.flush();
        return view(p, user);
    }

    /** A member of the proposal's term votes once, within the voting window. */
    @Transactional
    public ProposalView vote(@NotNull SignedInUser user, @NotNull String id, Ballot.Choice choice) {
        if (choice == null) {
            throw new ProblemException.InvalidField("choice", "YES, NO or ABSTAIN");
        }
        Proposal p = proposal(id, true);
        Seat seat = councils.requireSeat(user, p.councilId());
        if (!seat.termId().equals(p.termId())) {
            throw new NotAMemberException("Members of the term in which it was proposed vote on it.");
        }
        Instant now = clock.instant();
        if (p.phase(now) != Proposal.Phase.VOTING) {
            throw new OutsideWindowException("Voting is open from " + p.commentsUntil() + " until " + p.votingUntil() + ".");
        }
        if (em.find(Ballot.class, new Ballot.Key(p.id(), seat.residentId())) != null) {
            throw new AlreadyVotedException();
        }
        em.persist(new Ballot(p.id(), seat.residentId(), choice, now));
        audit.record(seat.residentId(), AuditRecord.ActorKind.COUNCIL, "council.voted", "proposal", p.id(),
                "ballot cast (secret)");
        em.flush();
        return view(p, user);
    }

    /** Proposals whose vote has closed but which are not counted yet. */
    @Transactional
    public List<String> dueForCounting() {
        return em.createQuery("select p.id from Proposal p where p.status = :o and p.votingUntil <= :now", String.class)
                .setParameter("o", Proposal.Status.OPEN).setParameter("now", clock.instant()).setMaxResults(100)
                .getResultList();
    }

    /**
     * Counts a closed vote once (every node's sweep may try; the row lock makes one win): the
     * outcome, the counts on the public record, and for a passed proposal the policy value.
     */
    @Transactional
    public boolean count(@NotNull String id) {
        Proposal p = proposal(id, true);
        Instant now = clock.instant();
        if (p.phase(now) != Proposal.Phase.COUNTING) {
            return false;
        }
        Map<Ballot.Choice, Long> ballots = new java.util.EnumMap<>(Ballot.Choice.class);
        for (Object[] row : em.createQuery("select b.choice, count(b) from Ballot b where b.proposalId = :p "
                + "group by b.choice", Object[].class).setParameter("p", p.id()).getResultList()) {
            ballots.put((Ballot.Choice) row[0], (Long) row[1]);
        }
        // Members: those sitting now, and those who voted while they sat and have left since.
        long left = em.createQuery("select count(b) from Ballot b, Member m where b.proposalId = :p and "
                        + "m.termId = :t and m.residentId = b.memberId and m.endedAt is not null", Long.class)
                .setParameter("p", p.id()).setParameter("t", p.termId()).getSingleResult();
        int members = councils.sittingMembers(p.termId()) + (int) left;
        Proposal.Status outcome = p.count(members, ballots.getOrDefault(Ballot.Choice.YES, 0L).intValue(),
                ballots.getOrDefault(Ballot.Choice.NO, 0L).intValue(),
                ballots.getOrDefault(Ballot.Choice.ABSTAIN, 0L).intValue(), now);
        Council council = councils.council(p.councilId());
        if (outcome == Proposal.Status.PASSED) {
            policies.decide(p.policy(), p.proposedValue(), p.effectiveFrom(), council.name() + " by vote ("
                    + p.yes() + " yes, " + p.no() + " no, " + p.abstentions() + " abstaining of " + members
                    + " members), proposal " + p.id(), null, AuditRecord.ActorKind.COUNCIL, p.rationale());
        }
        audit.record(null, AuditRecord.ActorKind.COUNCIL, "council.counted", "proposal", p.id(),
                outcome + ": " + p.yes() + " yes, " + p.no() + " no, " + p.abstentions() + " abstaining of " + members);
        if (p.proposedBy() != null) {
            notifications.tell(p.proposedBy(), NotificationKind.PROPOSAL_DECIDED, p.policy() + " "
                    + outcome.name().toLowerCase(java.util.Locale.ROOT), "/api/council/proposals/" + p.id());
        }
        return true;
    }

    private Proposal open(String councilId, String termId, Policy policy, int value, Instant effectiveFrom,
                          String rationale, String proposedBy, String petitionId, Instant now) {
        Instant commentsUntil = now.plus(Duration.ofDays(policies.value(Policy.COUNCIL_COMMENT_DAYS)));
        Instant votingUntil = commentsUntil.plus(Duration.ofDays(policies.value(Policy.COUNCIL_VOTING_DAYS)));
        Proposal p = new Proposal(councilId, termId, policy, policies.value(policy), value,
                effectiveFrom == null ? votingUntil : effectiveFrom, rationale, proposedBy, petitionId, now,
                commentsUntil, votingUntil, policies.value(Policy.COUNCIL_QUORUM_PERCENT));
        em.persist(p);
        em.flush();
        return p;
    }

    private Instant votingUntil(Instant now) {
        return now.plus(Duration.ofDays(policies.value(Policy.COUNCIL_COMMENT_DAYS)
                + (long) policies.value(Policy.COUNCIL_VOTING_DAYS)));
    }

    /** The policy named, if councils decide it, and a value in its range other than the one in force. */
    Policy proposable(String key, Integer value) {
        Policy policy;
        try {
            policy = Policy.valueOf(key == null ? "" : key);
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidField("policy", "one of the policies GET /api/policy lists");
        }
        if (!policy.byCouncil()) {
            throw new PolicyNotProposableException(policy + " is the councils' own procedure, set by the city's charter.");
        }
        if (value == null || value < policy.min() || value > policy.max()) {
            throw new ProblemException.InvalidField("value", policy.min() + " to " + policy.max() + " " + policy.unit());
        }
        if (value == policies.value(policy)) {
            throw new PolicyNotProposableException(policy + " is " + value + " already.");
        }
        return policy;
    }

    static String required(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            throw new ProblemException.InvalidField(field, message);
        }
        return text.strip();
    }

    private Proposal proposal(String id, boolean lock) {
        Proposal p = id == null ? null : lock ? em.find(Proposal.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Proposal.class, id);
        if (p == null) {
            throw new ProposalNotFoundException(id);
        }
        return p;
    }

    private ProposalView view(Proposal p, SignedInUser userOrNull) {
        List<Comment> comments = em.createQuery("select c from Comment c where c.proposalId = :p "
                + "order by c.createdAt, c.id", Comment.class).setParameter("p", p.id()).getResultList();
        java.util.Set<String> people = new java.util.HashSet<>();
        comments.forEach(c -> people.add(c.authorId()));
        if (p.proposedBy() != null) {
            people.add(p.proposedBy());
        }
        Map<String, String> names = residents.displayNames(people);
        Ballot.Choice mine = null;
        if (userOrNull != null) {
            mine = residents.bySubject(userOrNull.subject())
                    .map(w -> em.find(Ballot.class, new Ballot.Key(p.id(), w.residentId())))
                    .map(Ballot::choice).orElse(null);
        }
        Council council = councils.council(p.councilId());
        return new ProposalView(p.id(), p.councilId(), council.name(), p.policy(), p.policy().description(),
                p.policy().unit(), p.valueThen(), p.proposedValue(), p.effectiveFrom(), p.rationale(),
                p.proposedBy() == null ? null : names.get(p.proposedBy()), p.petitionId(), p.createdAt(),
                p.commentsUntil(), p.votingUntil(), p.phase(clock.instant()), p.status(), p.quorumPercent(),
                p.members(), p.yes(), p.no(), p.abstentions(), p.decidedAt(),
                comments.stream().map(c -> new CommentView(c.id(), names.get(c.authorId()), c.body(), c.createdAt()))
                        .toList(), mine);
    }
}
