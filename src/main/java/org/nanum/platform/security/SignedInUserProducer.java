package org.nanum.platform.security;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes the caller's {@link SignedInUser} injectable from the verified token. It reads the
 * request's principal rather than injecting JsonWebToken: on operations open to anyone, Liberty
 * logs an error for every injection of a token that is not there.
 */
@RequestScoped
public class SignedInUserProducer {
    @Inject
    HttpServletRequest request;

    @Inject
    Assistance assistance;
    @Inject
    jakarta.enterprise.inject.Instance<Assistance.Consents> consents;
    private Optional<SignedInUser> caller;

    /**
     * The caller when the request carries a valid token, on operations open to anyone too. A staff
     * member sending {@code On-Behalf-Of: <resident id>} with the resident's standing consent is
     * that resident for this request (and the audit trail says who acted); without one, 403.
     */
    public Optional<SignedInUser> ifSignedIn() {
        if (caller == null) {
            Optional<SignedInUser> fromToken = request.getUserPrincipal() instanceof JsonWebToken token
                    && token.getSubject() != null ? Optional.of(from(token)) : Optional.empty();
            String onBehalfOf = request.getHeader(Assistance.HEADER);
            if (fromToken.isPresent() && onBehalfOf != null && !onBehalfOf.isBlank()) {
                SignedInUser staff = fromToken.get();
                if (!staff.hasRole(Roles.STAFF)) {
                    throw new Assistance.NotAllowedException("only city staff act on behalf of a resident");
                }
                Assistance.Assisted assisted = consents.get().check(staff, onBehalfOf.strip())
                        .orElseThrow(Assistance.NoConsentException::new);
                assistance.acting(assisted.staffResidentId(), assisted.residentId());
                fromToken = Optional.of(assisted.resident());
            }
            caller = fromToken;
        }
        return caller;
    }

    /** Dependent, not request-scoped: a record cannot be proxied, and the token is per request anyway. */
    @Produces
    @Dependent
    SignedInUser signedInUser() {
        return ifSignedIn().orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"nanum\""));
    }

    private static SignedInUser from(JsonWebToken token) {
        String username = claim(token, "preferred_username", token.getSubject());
        String name = claim(token, "name", username);
        // Keycloak adds its own roles (offline_access, default-roles-nanum ...); Nanum knows four.
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups().stream()
                .filter(Roles.ALL::contains).collect(Collectors.toUnmodifiableSet());
        // Keycloak marks a service account's tokens with its client (client_id; clientId before 25) and
        // names its user service-account-<client>.
        boolean serviceAccount = token.getClaim("client_id") != null || token.getClaim("clientId") != null
                || username.startsWith("service-account-");
        return new SignedInUser(token.getSubject(), username, name.isBlank() ? username : name,
                claim(token, "email", null), groups, "true".equals(claim(token, "email_verified", "false")), serviceAccount);
    }

    private static String claim(JsonWebToken token, String name, String fallback) {
        Object value = token.getClaim(name);
        if (value == null) {
            return fallback;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
