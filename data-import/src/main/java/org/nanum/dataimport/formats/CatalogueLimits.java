package org.nanum.dataimport.formats;

/**
 * The catalogue's limits on a listing (its {@code ListingRequest} and {@code ListingDetails}
 * constraints), checked while reading so that a city hears of a row the server would refuse with
 * the row's line and column, before anything is sent.
 */
final class CatalogueLimits {
    static final int MAX_TITLE = 120;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_REPLACEMENT_VALUE_KRW = 100_000_000;
    static final int MAX_DEPOSIT_KRW = 10_000_000;
    static final int MAX_LOAN_DAYS = 90;

    private CatalogueLimits() {
    }
}
