package org.nanum.catalogue.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.nanum.catalogue.domain.ListingChange;

class OutboxCursorTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ListingChange row(long seq, String listing) {
        return new ListingChange(seq, listing, T0);
    }

    @Test
    void rows_past_the_watermark_are_applied_in_order_and_move_it() {
        OutboxCursor c = new OutboxCursor();
        c.reset(10, LongStream.rangeClosed(1, 10).boxed().toList(), T0);
        assertEquals(Set.of(), c.awaited());

        Set<String> ids = c.advance(List.of(row(11, "a"), row(12, "b"), row(13, "a")), List.of(), T0);

        assertEquals(List.of("a", "b"), new ArrayList<>(ids));
        assertEquals(13, c.watermark());
    }

    @Test
    void a_number_passed_before_its_row_landed_is_awaited_and_applied_when_it_lands() {
        OutboxCursor c = new OutboxCursor();
        c.reset(10, LongStream.rangeClosed(1, 10).boxed().toList(), T0);
        // 11 took its number first but has not committed; 12 has.
        c.advance(List.of(row(12, "b")), List.of(), T0);
        assertEquals(Set.of(11L), c.awaited());
        assertEquals(12, c.watermark());

        Set<String> ids = c.advance(List.of(), List.of(row(11, "late")), T0.plusSeconds(30));

        assertEquals(Set.of("late"), ids);
        assertEquals(Set.of(), c.awaited());
        // Seen once: the same late row read again is not applied again.
        assertEquals(Set.of(), c.advance(List.of(), List.of(row(11, "late")), T0.plusSeconds(31)));
    }

    @Test
    void a_number_that_never_lands_is_forgotten_after_the_wait() {
        OutboxCursor c = new OutboxCursor();
        c.reset(0, List.of(), T0);
        c.advance(List.of(row(2, "b")), List.of(), T0);
        assertEquals(Set.of(1L), c.awaited());

        c.advance(List.of(), List.of(), T0.plus(OutboxCursor.AWAIT).plusSeconds(1));

        assertEquals(Set.of(), c.awaited());
    }

    @Test
    void after_a_rebuild_the_missing_numbers_just_below_the_mark_are_awaited() {
        OutboxCursor c = new OutboxCursor();
        List<Long> present = new ArrayList<>(LongStream.rangeClosed(1, 5000).boxed().toList());
        present.remove(Long.valueOf(4990));

        c.reset(5000, present, T0);

        assertEquals(Set.of(4990L), c.awaited());
        assertEquals(5000, c.watermark());
        assertTrue(OutboxCursor.resetWindowStart(5000) < 4990);
    }

    @Test
    void a_busy_outbox_never_hides_new_rows_behind_old_ones() {
        // The follower used to re-read "the last five minutes" in number order with a limit: after a
        // bulk import, a new row past the watermark could wait minutes. Rows past the watermark come first now.
        OutboxCursor c = new OutboxCursor();
        c.reset(1_000_000, LongStream.rangeClosed(999_001, 1_000_000).boxed().toList(), T0);

        Set<String> ids = c.advance(List.of(row(1_000_001, "edited")), List.of(), T0.plusSeconds(1));

        assertEquals(Set.of("edited"), ids);
        assertEquals(1_000_001, c.watermark());
    }

    @Test
    void a_jump_wider_than_the_awaited_span_is_not_tracked_number_by_number() {
        OutboxCursor c = new OutboxCursor();
        c.reset(0, List.of(), T0);

        c.advance(List.of(row(OutboxCursor.MAX_AWAITED_SPAN + 10L, "x")), List.of(), T0);

        assertEquals(Set.of(), c.awaited());
        assertEquals(OutboxCursor.MAX_AWAITED_SPAN + 10L, c.watermark());
    }

    @Test
    void a_copy_moves_on_its_own() {
        OutboxCursor c = new OutboxCursor();
        c.reset(5, LongStream.rangeClosed(1, 5).boxed().toList(), T0);
        OutboxCursor next = c.copy();

        next.advance(List.of(row(7, "x")), List.of(), T0);

        assertEquals(5, c.watermark());
        assertEquals(Set.of(), c.awaited());
        assertEquals(7, next.watermark());
        assertEquals(Set.of(6L), next.awaited());
    }
}
