package org.nanum.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.nanum.testsupport.StandaloneServer.as;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.StandaloneServer;
import org.nanum.testsupport.TcpGate;
import org.nanum.testsupport.TestEnvironment;

/**
 * When the database goes away, residents get a 503 problem with Retry-After (not a 500),
 * readiness says DOWN, and the server recovers by itself when the database is back.
 */
class DatabaseOutageIT {
    @Test
    void a_lost_database_is_a_503_with_retry_after_and_the_server_recovers() throws Exception {
        try (TcpGate gate = new TcpGate(Integer.parseInt(TestEnvironment.require("NANUM_DB_PORT")));
             StandaloneServer server = StandaloneServer.start(Map.of("NANUM_DB_KIND", "postgresql",
                     "NANUM_DB_HOST", "127.0.0.1", "NANUM_DB_PORT", String.valueOf(gate.port())))) {
            String token = Keycloak.token("ben", "ben");
            as(token).get("/api/me").then().statusCode(200).body("username", equalTo("ben"));

            gate.shut();
            as(token).get("/api/me").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("30"))
                    .body("type", equalTo("urn:nanum:problem:service-unavailable"));
            as(null).get("/api/districts").then().statusCode(503);
            as(null).get("/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
            as(null).get("/health/live").then().statusCode(200);

            gate.open();
            as(token).get("/api/me").then().statusCode(200).body("username", equalTo("ben"));
            as(null).get("/health/ready").then().statusCode(200);
        }
    }
}
