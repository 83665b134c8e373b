package org.nanum.platform.security;

/**
 * Keycloak realm roles, delivered in the token's "groups" claim. Every account gets
 * {@link #RESIDENT} (the realm's default role); staff, council members and admins are residents too.
 */
public final class Roles {
    public static final String RESIDENT = "resident";
    public static final String STAFF = "staff";
    public static final String COUNCIL = "council";
    public static final String ADMIN = "admin";
    public static final java.util.Set<String> ALL = java.util.Set.of(RESIDENT, STAFF, COUNCIL, ADMIN);

    private Roles() {
    }
}
