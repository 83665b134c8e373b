package org.nanum.testsupport;

import java.util.function.BooleanSupplier;

/** Waits, boundedly, for something that follows a commit asynchronously (the search index). */
public final class Eventually {
    private Eventually() {
    }

    public static void within(int seconds, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("not within " + seconds + " s: " + what);
    }
}
