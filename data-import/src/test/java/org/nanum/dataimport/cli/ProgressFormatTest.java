package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress's words and bar, and when a terminal and a log get them. */
class ProgressFormatTest {

    @Test
    void aPlainLineSaysDoneTotalPercentSpeedAndTimeLeft() {
        assertEquals("imported 1200/5464 records (22%), 310 records/s, about 14 s left",
                ProgressFormat.plain("imported", 1200, 5464, 310));
        assertEquals("imported 5464/5464 records (100%), 310 records/s", ProgressFormat.plain("imported", 5464, 5464, 310));
        assertEquals("checked 0/10 records (0%)", ProgressFormat.plain("checked", 0, 10, 0));
        assertEquals("imported 1/3 records (33%), 0.5 records/s, about 4 s left", ProgressFormat.plain("imported", 1, 3, 0.5));
    }

    @Test
    void oneHundredPercentOnlyWhenAllIsDone() {
        assertEquals(99, ProgressFormat.percent(9999, 10000));
        assertEquals(100, ProgressFormat.percent(10000, 10000));
        assertEquals(100, ProgressFormat.percent(0, 0));
        assertEquals(0, ProgressFormat.percent(0, 10));
    }

    @Test
    void durationsReadAsWords() {
        assertEquals("14 s", ProgressFormat.duration(14));
        assertEquals("1 min", ProgressFormat.duration(60));
        assertEquals("3 min 5 s", ProgressFormat.duration(185));
        assertEquals("1 h 5 min", ProgressFormat.duration(3900));
        assertEquals("2 h", ProgressFormat.duration(7200));
    }

    @Test
    void theBarFillsWithTheRecordsDone() {
        assertEquals("[######..................] 1366/5464 25%  310 records/s  ETA 14 s",
                ProgressFormat.bar(1366, 5464, 310));
        assertEquals("[########################] 10/10 100%  20 records/s", ProgressFormat.bar(10, 10, 20));
        assertEquals("[........................] 0/10 0%", ProgressFormat.bar(0, 10, 0));
    }

    @Test
    void aLogGetsALinePerTenPercent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "imported",
                1000, 0, 100, clock::get);
        for (int done = 10; done <= 1000; done += 10) {
            clock.addAndGet(100_000_000L);
            progress.advance(done);
        }
        progress.finish();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(10, lines.length);
        assertEquals("imported 100/1000 records (10%), 100 records/s, about 9 s left", lines[0]);
        assertEquals("imported 1000/1000 records (100%), 100 records/s", lines[9]);
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void aLogGetsALinePerBatchWhenThereAreFewerThanTen() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "imported",
                12, 0, 3, clock::get);
        for (int done : new int[] {5, 10, 12}) {
            clock.addAndGet(1_000_000_000L);
            progress.advance(done);
        }

        assertEquals(3, bytes.toString(StandardCharsets.UTF_8).split("\n").length);
    }

    @Test
    void aTerminalGetsOneLineRedrawnAtMostFiveTimesASecond() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "imported",
                100, 0, 100, clock::get);
        for (int done = 1; done <= 100; done++) {
            clock.addAndGet(50_000_000L); // a batch every 50 ms: 5 s in all
            progress.advance(done);
        }
        progress.finish();

        String text = bytes.toString(StandardCharsets.UTF_8);
        long redraws = text.chars().filter(c -> c == '\r').count();
        assertTrue(redraws >= 20 && redraws <= 27, "redraws: " + redraws);
        assertTrue(text.stripTrailing().endsWith("\r[########################] 100/100 100%  20 records/s"), text);
        assertTrue(text.endsWith("\n"), "the bar's line is ended");
        assertEquals(1, text.chars().filter(c -> c == '\n').count());
    }
}
