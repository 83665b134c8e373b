package org.nanum.dataimport.cli;

/**
 * The words and bar of the progress, apart from when they are printed ({@link Progress}), so
 * that the formatting is tested alone: a plain line for logs
 * ({@code imported 1200/5464 records (22%), 310 records/s, about 14 s left}) and a bar for a
 * terminal, redrawn in place.
 */
public final class ProgressFormat {

    /** The bar's width in characters, between its brackets. */
    static final int BAR_WIDTH = 24;

    private ProgressFormat() {
    }

    /** A line for a log: what was done, of how many, the percentage, the speed and the time left (when there is some). */
    public static String plain(String verb, int done, int total, double recordsPerSecond) {
        StringBuilder line = new StringBuilder()
                .append(verb).append(' ').append(done).append('/').append(total).append(" records (")
                .append(percent(done, total)).append("%)");
        if (recordsPerSecond > 0) {
            line.append(", ").append(rate(recordsPerSecond)).append(" records/s");
            if (done < total) {
                line.append(", about ").append(duration(secondsLeft(done, total, recordsPerSecond))).append(" left");
            }
        }
        return line.toString();
    }

    /** One line for a terminal: {@code [#########...............]  1200/5464  22%  310 records/s  ETA 14 s}. */
    public static String bar(int done, int total, double recordsPerSecond) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * Math.min(done, total) / total);
        StringBuilder line = new StringBuilder("[")
                .append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                .append(done).append('/').append(total).append(' ').append(percent(done, total)).append('%');
        if (recordsPerSecond > 0) {
            line.append("  ").append(rate(recordsPerSecond)).append(" records/s");
            if (done < total) {
                line.append("  ETA ").append(duration(secondsLeft(done, total, recordsPerSecond)));
            }
        }
        return line.toString();
    }

    /** Whole percent, rounded, but 100% only when everything is done; an empty import is complete. */
    public static int percent(int done, int total) {
        if (total == 0 || done >= total) {
            return 100;
        }
        return (int) Math.min(99, Math.round(100.0 * done / total));
    }

    /** {@code 14 s}, {@code 3 min 5 s}, {@code 1 h 5 min}. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            long s = seconds % 60;
            return seconds / 60 + " min" + (s == 0 ? "" : " " + s + " s");
        }
        long minutes = seconds % 3600 / 60;
        return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }

    private static String rate(double recordsPerSecond) {
        return recordsPerSecond >= 10 ? String.valueOf(Math.round(recordsPerSecond))
                : String.format(java.util.Locale.ROOT, "%.1f", recordsPerSecond);
    }

    private static long secondsLeft(int done, int total, double recordsPerSecond) {
        return (long) Math.ceil((total - done) / recordsPerSecond);
    }
}
