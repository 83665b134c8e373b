package org.nanum.platform.security;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/sign-in")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Sign-in", description = "Where the web interface signs residents in")
public class SignInResource {
    /**
     * The Keycloak realm (its issuer address) and the public client the web interface signs in with;
     * and the city's time zone, in which every date and time is typed and shown.
     */
    public record SignIn(String issuer, String clientId, String cityZone) {
    }

    @Inject
    @ConfigProperty(name = "nanum.jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    String cityZone;

    @GET
    @Operation(summary = "How the web interface signs in",
            description = "The realm's issuer address and the public client (authorization code with PKCE) the web "
                    + "interface uses; the same issuer the API checks tokens against; and the city's time zone "
                    + "(NANUM_CITY_ZONE), in which the web interface shows and reads dates and times. Public.")
    public SignIn signIn() {
        return new SignIn(issuer, "nanum-web", cityZone);
    }
}
