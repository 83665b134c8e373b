package org.nanum.platform.security;

import java.util.Set;

/**
 * Who is calling, as the token says: Keycloak's subject, names, email (and whether Keycloak verified
 * it: only a verified email links a first sign-in to an imported member) and realm roles.
 */
public record SignedInUser(String subject, String username, String displayName, String email, Set<String> roles,
                           boolean emailVerified) {

    public SignedInUser(String subject, String username, String displayName, String email, Set<String> roles) {
        this(subject, username, displayName, email, roles, false);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
