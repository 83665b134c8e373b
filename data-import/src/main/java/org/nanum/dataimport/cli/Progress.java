package org.nanum.dataimport.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Shows how far an import is, on stderr so that it never mixes with what a script reads on stdout.
 * On a terminal a bar is redrawn in place, at most five times a second; in a log (not a
 * terminal) a line is printed every 10% (every batch when there are fewer than ten), so that a
 * log of a long import stays short.
 */
public final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final String verb;
    private final int total;
    private final int startDone;
    private final int batches;
    private final LongSupplier nanoClock;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private int lastTenth;
    private int width;

    /**
     * @param verb      {@code imported}, or {@code checked} in a dry run
     * @param total     the records of the step, those done by an earlier run included
     * @param startDone the records an earlier run did (a resume); the speed counts only this run's
     * @param batches   the requests this run will make
     */
    public Progress(PrintStream err, boolean terminal, String verb, int total, int startDone, int batches,
                    LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.verb = verb;
        this.total = total;
        this.startDone = startDone;
        this.batches = batches;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastTenth = tenth(startDone);
    }

    /** After each batch: {@code done} records of the total are done. */
    public void advance(int done) {
        long now = nanoClock.getAsLong();
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? (done - startDone) / seconds : 0;
        if (terminal) {
            if (done >= total || lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS) {
                String line = ProgressFormat.bar(done, total, rate);
                err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                err.flush();
                width = line.length();
                lastDraw = now;
            }
        } else {
            int tenth = tenth(done);
            if (batches < 10 || tenth > lastTenth) {
                err.println(ProgressFormat.plain(verb, done, total, rate));
            }
            lastTenth = tenth;
        }
    }

    /** Ends the bar's line on a terminal, so that what follows starts on a line of its own. */
    public void finish() {
        if (terminal && lastDraw != Long.MIN_VALUE) {
            err.println();
        }
    }

    private int tenth(int done) {
        return total == 0 ? 10 : (int) (10L * Math.min(done, total) / total);
    }
}
