package org.nanum.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The Nanum API, under {@code /api}, secured by Keycloak tokens (MicroProfile JWT). */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "nanum")
@OpenAPIDefinition(info = @Info(title = "Nanum API", version = "1",
        description = "A city's shared services: residents lend and borrow goods, book spaces, swap "
                + "babysitting time through a time bank, and govern the platform through councils. "
                + "Errors are RFC 9457 application/problem+json; see docs/api/errors.md.",
        license = @License(name = "EUPL-1.2")))
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token from Keycloak's realm 'nanum'.")
public class NanumApplication extends Application {
}
