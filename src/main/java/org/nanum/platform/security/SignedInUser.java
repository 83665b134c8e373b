package org.nanum.platform.security;

import java.util.Set;

/**
 * Who is calling, as the token says: Keycloak's subject, names, email (and whether Keycloak verified
 * it: only a verified email links a first sign-in to an imported member), realm roles, and whether
 * it is a client's service account (client credentials: a program, not a person).
 */
public record SignedInUser(String subject, String username, String displayName, String email, Set<String> roles,
                           boolean emailVerified, boolean serviceAccount) {

    public SignedInUser(String subject, String username, String displayName, String email, Set<String> roles) {
        this(subject, username, displayName, email, roles, false, false);
    }

    public SignedInUser(String subject, String username, String displayName, String email, Set<String> roles,
                        boolean emailVerified) {
        this(subject, username, displayName, email, roles, emailVerified, false);
    }

    /** A program signed in with its client's credentials: it never counts as a second person. */
    public boolean isServiceAccount() {
        return serviceAccount;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
