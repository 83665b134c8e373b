package org.nanum.platform.security;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Makes the caller's {@link SignedInUser} injectable from the verified token. */
@RequestScoped
public class SignedInUserProducer {
    @Inject
    JsonWebToken token;

    /** The caller when the request carries a valid token, on operations open to anyone too. */
    public Optional<SignedInUser> ifSignedIn() {
        return token == null || token.getSubject() == null ? Optional.empty() : Optional.of(signedInUser());
    }

    /** Dependent, not request-scoped: a record cannot be proxied, and the token is per request anyway. */
    @Produces
    @Dependent
    SignedInUser signedInUser() {
        if (token == null || token.getSubject() == null) {
            throw new NotAuthorizedException("Bearer realm=\"nanum\"");
        }
        String username = claim("preferred_username", token.getSubject());
        String name = claim("name", username);
        // Keycloak adds its own roles (offline_access, default-roles-nanum ...); Nanum knows four.
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups().stream()
                .filter(Roles.ALL::contains).collect(Collectors.toUnmodifiableSet());
        return new SignedInUser(token.getSubject(), username, name.isBlank() ? username : name,
                claim("email", null), groups);
    }

    private String claim(String name, String fallback) {
        Object value = token.getClaim(name);
        if (value == null) {
            return fallback;
        }
        String text = value.toString();
        // JSON-P strings arrive quoted when the claim is read as a JsonString.
        if (value instanceof jakarta.json.JsonString s) {
            text = s.getString();
        }
        return text;
    }
}
