package org.nanum.residents.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HouseholdTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void a_code_is_accepted_until_it_expires() {
        Household h = new Household("Kim family", NOW);
        String code = h.issueInvitation(NOW, WEEK);
        assertTrue(h.acceptsInvitation(code, NOW.plus(Duration.ofDays(6))));
        assertFalse(h.acceptsInvitation(code, NOW.plus(WEEK)));
    }

    @Test
    void codes_are_typed_by_people() {
        Household h = new Household("Kim family", NOW);
        String code = h.issueInvitation(NOW, WEEK);
        String typed = " " + code.substring(0, 4).toLowerCase() + "-" + code.substring(4) + " ";
        assertTrue(h.acceptsInvitation(typed, NOW));
    }

    @Test
    void a_new_code_replaces_the_old() {
        Household h = new Household("Kim family", NOW);
        String first = h.issueInvitation(NOW, WEEK);
        String second = h.issueInvitation(NOW, WEEK);
        assertNotEquals(first, second);
        assertFalse(h.acceptsInvitation(first, NOW));
        assertTrue(h.acceptsInvitation(second, NOW));
    }

    @Test
    void a_dissolved_household_accepts_no_one() {
        Household h = new Household("Kim family", NOW);
        String code = h.issueInvitation(NOW, WEEK);
        h.dissolve(NOW);
        assertFalse(h.acceptsInvitation(code, NOW));
        assertTrue(h.isDissolved());
    }

    @Test
    void codes_avoid_look_alike_characters_and_do_not_repeat() {
        Household h = new Household("Kim family", NOW);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = h.issueInvitation(NOW, WEEK);
            assertEquals(Household.CODE_LENGTH, code.length());
            assertTrue(code.chars().noneMatch(c -> "01IOL".indexOf(c) >= 0), code);
            seen.add(code);
        }
        assertEquals(2000, seen.size());
        assertFalse(h.acceptsInvitation(null, NOW));
    }
}
