package org.nanum.council.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.nanum.platform.policy.Policy;

/** The quorum and majority rules, and the phases that follow from the clock. */
class ProposalTest {
    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    private static Proposal proposal() {
        return new Proposal("c", "t", Policy.LOAN_MAX_ACTIVE, 5, 6, NOW.plus(Duration.ofDays(21)), "why", "m", null, NOW,
                NOW.plus(Duration.ofDays(14)), NOW.plus(Duration.ofDays(21)), 50);
    }

    @Test
    void the_phase_follows_the_clock() {
        Proposal p = proposal();
        assertEquals(Proposal.Phase.COMMENTS, p.phase(NOW));
        assertEquals(Proposal.Phase.VOTING, p.phase(NOW.plus(Duration.ofDays(14))));
        assertEquals(Proposal.Phase.COUNTING, p.phase(NOW.plus(Duration.ofDays(21))));
        assertThrows(IllegalStateException.class, () -> p.count(4, 1, 0, 0, NOW.plus(Duration.ofDays(20))));
        p.count(4, 2, 0, 0, NOW.plus(Duration.ofDays(21)));
        assertEquals(Proposal.Phase.DECIDED, p.phase(NOW.plus(Duration.ofDays(22))));
        assertThrows(IllegalStateException.class, () -> p.count(4, 2, 0, 0, NOW.plus(Duration.ofDays(22))));
    }

    @Test
    void quorum_is_a_share_of_members_rounded_up_and_abstentions_count_towards_it() {
        assertTrue(Proposal.quorate(4, 2, 50));
        assertFalse(Proposal.quorate(4, 1, 50));
        assertFalse(Proposal.quorate(5, 2, 50), "half of five is three ballots");
        assertTrue(Proposal.quorate(5, 3, 50));
        assertFalse(Proposal.quorate(0, 0, 50), "no members, no decision");
        assertTrue(Proposal.quorate(1, 1, 1));
        Instant after = NOW.plus(Duration.ofDays(21));
        assertEquals(Proposal.Status.PASSED, proposal().count(4, 1, 0, 1, after), "abstaining makes the quorum");
        assertEquals(Proposal.Status.NO_QUORUM, proposal().count(4, 1, 0, 0, after));
    }

    @Test
    void yes_must_outnumber_no_and_a_tie_is_rejected() {
        Instant after = NOW.plus(Duration.ofDays(21));
        assertEquals(Proposal.Status.PASSED, proposal().count(5, 2, 1, 0, after));
        assertEquals(Proposal.Status.REJECTED, proposal().count(5, 2, 2, 0, after));
        assertEquals(Proposal.Status.REJECTED, proposal().count(5, 0, 0, 3, after), "abstentions alone pass nothing");
    }
}
