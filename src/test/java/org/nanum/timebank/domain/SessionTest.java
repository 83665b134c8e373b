package org.nanum.timebank.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

    private static Session session() {
        return new Session(Session.Kind.CHILDCARE, "l", "hp", "rp", "hr", "rr", NOW.plusSeconds(3600),
                NOW.plusSeconds(3600 + 150 * 60), 1, NOW);
    }

    @Test
    void minutes_post_only_when_both_sides_say_the_same() {
        Session s = session();
        assertEquals(150, s.minutes());
        s.schedule("t", NOW);
        assertNull(s.confirm(Session.Side.PROVIDER, 160, NOW));
        assertNull(s.confirm(Session.Side.RECEIVER, 150, NOW));
        assertEquals(160, s.confirm(Session.Side.RECEIVER, 160, NOW));
        s.posted(NOW);
        assertEquals(Session.Status.POSTED, s.status());
        assertThrows(TimebankProblems.SessionTransitionException.class, () -> s.confirm(Session.Side.PROVIDER, 150, NOW));
        assertThrows(TimebankProblems.SessionTransitionException.class, () -> s.cancel(NOW));
    }

    @Test
    void the_transitions_that_are_allowed_and_those_that_are_not() {
        Session proposed = session();
        assertThrows(TimebankProblems.SessionTransitionException.class, () -> proposed.confirm(Session.Side.PROVIDER, 1, NOW));
        assertThrows(TimebankProblems.SessionTransitionException.class, () -> proposed.claimNoShow(Session.Side.PROVIDER, "r", NOW, NOW));
        proposed.decline(NOW);
        assertThrows(TimebankProblems.SessionTransitionException.class, () -> proposed.schedule("t", NOW));

        Session disputed = session();
        disputed.schedule("t", NOW);
        disputed.dispute("r", "late", NOW);
        assertThrows(TimebankProblems.SessionTransitionException.class, () -> disputed.confirm(Session.Side.RECEIVER, 150, NOW));
        disputed.settle("staff", null, "nobody came", NOW);
        assertEquals(Session.Status.VOIDED, disputed.status());
        assertTrue(Session.Status.FINAL.contains(disputed.status()));
        assertEquals(Session.Side.PROVIDER, disputed.sideOf("hp"));
        assertEquals(Session.Side.RECEIVER, disputed.sideOf("hr"));
        assertNull(disputed.sideOf("else"));
        assertFalse(Session.Status.TAKING_TIME.contains(Session.Status.CANCELLED));
    }

    @Test
    void a_no_show_is_a_claim_that_stands_or_goes_to_staff() {
        Session claimed = session();
        claimed.schedule("t", NOW);
        claimed.claimNoShow(Session.Side.PROVIDER, "r", NOW.plusSeconds(3600), NOW);
        assertEquals(Session.Status.NO_SHOW_CLAIMED, claimed.status());
        assertTrue(Session.Status.OPEN.contains(claimed.status()));
        assertEquals(NOW.plusSeconds(3600), claimed.answerBy());
        assertThrows(TimebankProblems.SessionTransitionException.class, () -> claimed.confirm(Session.Side.PROVIDER, 150, NOW));
        claimed.noShowStands(NOW);
        assertEquals(Session.Status.NO_SHOW, claimed.status());
        assertThrows(TimebankProblems.SessionTransitionException.class, () -> claimed.noShowStands(NOW));

        Session disputed = session();
        disputed.schedule("t", NOW);
        disputed.claimNoShow(Session.Side.RECEIVER, "r", NOW.plusSeconds(3600), NOW);
        disputed.dispute("r2", "I was there", NOW);
        assertEquals(Session.Status.DISPUTED, disputed.status());
        assertThrows(TimebankProblems.SessionTransitionException.class, () -> disputed.noShowStands(NOW));
    }

    @Test
    void limits_count_held_minutes_against_the_floor_and_incoming_against_the_ceiling() {
        Account.Limits limits = Account.limitsOf("household-account", -600, 4800);
        Account.Balances a = new Account.Balances("household-account", 120, 700, 4680);
        assertTrue(limits.mayPay(a, 20));
        assertFalse(limits.mayPay(a, 21));
        assertEquals(20, limits.available(a));
        assertTrue(limits.mayReceive(a, 0));
        assertFalse(limits.mayReceive(a, 1));
        // The issuer has no floor; the pot never goes below zero and has no ceiling.
        assertTrue(Account.limitsOf(Account.ISSUER, -600, 4800).mayPay(new Account.Balances(Account.ISSUER, -999999, 0, 0), 5000));
        Account.Limits pot = Account.limitsOf(Account.POT, -600, 4800);
        assertFalse(pot.mayPay(new Account.Balances(Account.POT, 10, 0, 0), 11));
        assertTrue(pot.mayReceive(new Account.Balances(Account.POT, 999999, 0, 0), 5000));
    }
}
