package org.nanum.timebank.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {
    private static final Instant T = Instant.parse("2026-11-24T01:02:03.123456Z");

    private static HashChain.Link link(long pos, int minutes) {
        return new HashChain.Link(pos, "e" + pos, "t" + pos, "POST", "a", "b", minutes, T.plusSeconds(pos));
    }

    /** Seals links 1..n; returns [prev, hash] of each. */
    private static List<String[]> seal(List<HashChain.Link> links) {
        List<String[]> out = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (HashChain.Link l : links) {
            String h = HashChain.hash(prev, l);
            out.add(new String[] {prev, h});
            prev = h;
        }
        return out;
    }

    @Test
    void every_field_the_chain_covers_changes_the_hash() {
        String base = HashChain.hash(HashChain.GENESIS, link(1, 30));
        assertEquals(64, base.length());
        assertEquals(base, HashChain.hash(HashChain.GENESIS, link(1, 30)), "deterministic");
        assertNotEquals(base, HashChain.hash(HashChain.GENESIS, link(1, 31)));
        assertNotEquals(base, HashChain.hash("1".repeat(64), link(1, 30)));
        HashChain.Link l = link(1, 30);
        assertNotEquals(base, HashChain.hash(HashChain.GENESIS, new HashChain.Link(1, l.id(), l.transferId(), "HOLD",
                l.fromAccount(), l.toAccount(), 30, l.recordedAt())));
        assertNotEquals(base, HashChain.hash(HashChain.GENESIS, new HashChain.Link(1, l.id(), l.transferId(), "POST",
                l.toAccount(), l.fromAccount(), 30, l.recordedAt())));
        assertNotEquals(base, HashChain.hash(HashChain.GENESIS, new HashChain.Link(1, l.id(), l.transferId(), "POST",
                l.fromAccount(), l.toAccount(), 30, l.recordedAt().plusNanos(1000))));
    }

    @Test
    void a_walk_finds_a_changed_a_removed_and_a_reordered_entry() {
        List<HashChain.Link> links = List.of(link(1, 10), link(2, 20), link(3, 30));
        List<String[]> sealed = seal(links);
        String prev = HashChain.GENESIS;
        for (int i = 0; i < 3; i++) {
            assertNull(HashChain.check(i + 1, prev, links.get(i), sealed.get(i)[0], sealed.get(i)[1]));
            prev = sealed.get(i)[1];
        }
        // Changed minutes at position 2.
        HashChain.Break changed = HashChain.check(2, sealed.get(0)[1], link(2, 200), sealed.get(1)[0], sealed.get(1)[1]);
        assertEquals(2, changed.pos());
        assertEquals("its content does not match its hash", changed.reason());
        // Position 2 removed: the walk expects 2 and finds 3.
        HashChain.Break removed = HashChain.check(2, sealed.get(0)[1], links.get(2), sealed.get(2)[0], sealed.get(2)[1]);
        assertEquals(2, removed.pos());
        // Entry 3 put where it does not belong: it points elsewhere.
        HashChain.Link moved = new HashChain.Link(2, "e3", "t3", "POST", "a", "b", 30, T.plusSeconds(3));
        HashChain.Break reordered = HashChain.check(2, sealed.get(0)[1], moved, sealed.get(2)[0], sealed.get(2)[1]);
        assertEquals("it does not point to the entry before it", reordered.reason());
    }
}
