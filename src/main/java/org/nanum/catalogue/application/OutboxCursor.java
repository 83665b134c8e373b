package org.nanum.catalogue.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.nanum.catalogue.domain.ListingChange;

/**
 * How far this node has followed the outbox: the highest number applied (the watermark), and the
 * numbers below it not seen yet (gaps).
 *
 * <p>Outbox numbers come from a sequence as transactions write their rows, but transactions commit
 * in any order: number 41 may become visible after 42. When the watermark passes a number that has
 * not landed, that number is awaited for {@link #AWAIT} (a transaction that takes longer is rolled
 * back by then, or has left a gap for good). Awaited numbers are looked up by number, so however
 * busy the outbox is, the next round always reads the rows past the watermark.
 */
final class OutboxCursor {
    /** How long a number below the watermark is awaited. */
    static final Duration AWAIT = Duration.ofMinutes(5);
    /** A jump wider than this (a sequence moved by hand) is not awaited number by number. */
    static final int MAX_AWAITED_SPAN = 1000;

    private long watermark;
    private final TreeMap<Long, Instant> awaited = new TreeMap<>();

    OutboxCursor copy() {
        OutboxCursor c = new OutboxCursor();
        c.watermark = watermark;
        c.awaited.putAll(awaited);
        return c;
    }

    long watermark() {
        return watermark;
    }

    Set<Long> awaited() {
        return Set.copyOf(awaited.keySet());
    }

    /**
     * Starts from {@code mark} (an index just rebuilt or opened at it): of the last
     * {@link #MAX_AWAITED_SPAN} numbers up to the mark, those not {@code present} are awaited.
     */
    void reset(long mark, Collection<Long> present, Instant now) {
        watermark = mark;
        awaited.clear();
        Set<Long> seen = new HashSet<>(present);
        for (long s = Math.max(1, mark - MAX_AWAITED_SPAN + 1); s <= mark; s++) {
            if (!seen.contains(s)) {
                awaited.put(s, now);
            }
        }
    }

    /** The lowest number that {@link #reset} may need to know about for a mark. */
    static long resetWindowStart(long mark) {
        return Math.max(0, mark - MAX_AWAITED_SPAN);
    }

    /**
     * Takes in the rows read past the watermark ({@code fresh}, in number order) and those that
     * landed among the awaited numbers ({@code late}); returns the listings to reindex.
     */
    Set<String> advance(List<ListingChange> fresh, List<ListingChange> late, Instant now) {
        Set<String> ids = new LinkedHashSet<>();
        for (ListingChange c : late) {
            if (awaited.remove(c.seq()) != null) {
                ids.add(c.listingId());
            }
        }
        for (ListingChange c : fresh) {
            long seq = c.seq();
            if (seq <= watermark) {
                continue;
            }
            if (seq - watermark - 1 <= MAX_AWAITED_SPAN) {
                for (long missing = watermark + 1; missing < seq; missing++) {
                    awaited.put(missing, now);
                }
            }
            watermark = seq;
            ids.add(c.listingId());
        }
        awaited.values().removeIf(since -> since.isBefore(now.minus(AWAIT)));
        while (awaited.size() > MAX_AWAITED_SPAN) {
            awaited.pollFirstEntry();
        }
        return ids;
    }
}
