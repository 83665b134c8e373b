package org.nanum.dataimport.cli;

/** Waits between retries; the tests pass one that only records the waits, so that they do not take seconds. */
@FunctionalInterface
public interface Sleeper {

    void sleep(long millis) throws InterruptedException;
}
