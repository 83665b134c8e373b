package org.nanum.testsupport;

/**
 * What the integration tests need from ./nanum test: the Keycloak it started, the PostgreSQL
 * the test server uses. Missing settings fail loudly rather than skip: an integration test
 * that quietly does nothing proves nothing.
 */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    public static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The environment variable " + name + " is not set: run the integration "
                    + "tests through ./nanum test, which starts Keycloak and PostgreSQL and sets it.");
        }
        return value;
    }

    public static String keycloakUrl() {
        return require("NANUM_TEST_KEYCLOAK_URL");
    }

    public static String keycloakAdminPassword() {
        return require("NANUM_TEST_KEYCLOAK_ADMIN_PASSWORD");
    }

    public static String jdbcUrl() {
        // The private cluster on loopback: no TLS to negotiate on each of the tests' many short connections.
        return "jdbc:postgresql://" + require("NANUM_DB_HOST") + ":" + require("NANUM_DB_PORT") + "/"
                + require("NANUM_DB_NAME") + "?sslmode=disable";
    }

    public static String dbUser() {
        return require("NANUM_DB_USER");
    }

    public static String dbPassword() {
        return require("NANUM_DB_PASSWORD");
    }
}
