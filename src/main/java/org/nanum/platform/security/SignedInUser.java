package org.nanum.platform.security;

import java.util.Set;

/** Who is calling, as the token says: Keycloak's subject, names, email and realm roles. */
public record SignedInUser(String subject, String username, String displayName, String email, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
