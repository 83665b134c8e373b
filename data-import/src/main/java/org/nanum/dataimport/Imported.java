package org.nanum.dataimport;

/** A record read from a source, identified by its external id; two rows with one id become one record. */
public interface Imported<T extends Imported<T>> {

    String externalId();

    /** The line of the row whose values the record carries (the later row, after a merge). */
    int line();

    /** This record with a later row of the same id merged in: the later row's values win, gaps are filled from this one. */
    T mergedWith(T later);
}
