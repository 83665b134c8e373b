package org.nanum.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.nanum.testsupport.StandaloneServer.as;

import io.restassured.http.ContentType;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.StandaloneServer;

/**
 * ./nanum run's setting: the application on the embedded database (H2 in file mode) with the
 * demo city. Starts the server, stops it, starts it again, and checks that what a resident did
 * is still there.
 */
class EmbeddedDatabaseSmokeIT {
    @Test
    void runs_on_the_embedded_database_and_keeps_its_data_across_a_restart() throws Exception {
        Path h2 = Path.of("target", "smoke-h2").toAbsolutePath();
        deleteTree(h2);
        Map<String, String> env = Map.of("NANUM_DB_KIND", "h2", "NANUM_H2_DIR", h2.toString(),
                "NANUM_DEMO_ENABLED", "true");

        Keycloak.Person p = Keycloak.newPerson();
        try (StandaloneServer server = StandaloneServer.start(env)) {
            as(Keycloak.token("ana", "ana")).get("/api/me").then().statusCode(200)
                    .body("district.code", equalTo("mapo"))
                    .body("residencyVerified", equalTo(true));
            as(null).get("/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'database' }.data.product", equalTo("H2"));
            as(p.token()).contentType(ContentType.JSON).body("{\"name\":\"Smoke family\"}").post("/api/households")
                    .then().statusCode(201);
        }
        try (StandaloneServer server = StandaloneServer.start(env)) {
            as(p.token()).get("/api/households/mine").then().statusCode(200).body("name", equalTo("Smoke family"));
            as(Keycloak.token("ana", "ana")).get("/api/me").then().statusCode(200)
                    .body("district.code", equalTo("mapo"));
            // The council's report runs its SQL on H2 too (the demo seats Cleo on its council).
            String lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Seoul")).minusMonths(1).toString();
            for (String by : new String[] {"district", "category", "month"}) {
                as(Keycloak.token("cleo", "cleo")).get("/api/council/reports/usage?from=" + lastMonth + "&to=" + lastMonth
                        + "&groupBy=" + by).then().statusCode(200).body("queryVersion", equalTo("usage-1"))
                        .body("rows.group", org.hamcrest.Matchers.hasItem("ALL"));
            }
            // The ledger check's money supply runs its SQL on H2 too, and explains the demo's minutes.
            as(Keycloak.token("cleo", "cleo")).get("/api/timebank/ledger/check").then().statusCode(200)
                    .body("verified", equalTo(true)).body("moneySupply.gaps.size()", equalTo(0))
                    .body("moneySupply.welcomes.grants", equalTo(2));
            // A resident's data export reads every capability's tables on H2 too, listings' details included.
            as(Keycloak.token("ana", "ana")).get("/api/me/export").then().statusCode(200)
                    .body("residents.profile.username", equalTo("ana"))
                    .body("catalogue.listings.size()", org.hamcrest.Matchers.greaterThan(0))
                    .body("catalogue.listings.findAll { it.details == null }.size()", equalTo(0));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
