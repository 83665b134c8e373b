package org.nanum.catalogue.domain;

/** The four kinds of listing, each with who may own it and whether it can be a request. */
public enum ListingKind {
    GOODS, SPACE, SERVICE, CHILDCARE;

    public boolean allows(OwnerType owner) {
        return switch (this) {
            case GOODS -> owner == OwnerType.RESIDENT || owner == OwnerType.CITY;
            case SPACE -> owner == OwnerType.CITY;
            case SERVICE -> owner == OwnerType.RESIDENT;
            case CHILDCARE -> owner == OwnerType.HOUSEHOLD;
        };
    }

    public boolean allows(Direction direction) {
        return direction == Direction.OFFER || this == SERVICE || this == CHILDCARE;
    }

    /** Childcare is shown to signed-in residents only. */
    public boolean isPublic() {
        return this != CHILDCARE;
    }
}
