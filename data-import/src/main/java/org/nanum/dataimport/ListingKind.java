package org.nanum.dataimport;

/** Nanum's four kinds of listing (the same names as the catalogue's {@code ListingKind}). */
public enum ListingKind {
    GOODS, SPACE, SERVICE, CHILDCARE;

    /** Goods and spaces are only ever offered; services and childcare can also be asked for. */
    public boolean allows(Direction direction) {
        return direction == Direction.OFFER || this == SERVICE || this == CHILDCARE;
    }
}
