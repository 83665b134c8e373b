package org.nanum.catalogue;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.catalogue.Listings.awaitFound;
import static org.nanum.catalogue.Listings.awaitGone;
import static org.nanum.catalogue.Listings.createPublished;
import static org.nanum.catalogue.Listings.goods;
import static org.nanum.catalogue.Listings.setStatus;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.StandaloneServer;

/**
 * Two Liberty nodes on one PostgreSQL: a change made through one is found through the other
 * (each follows the outbox), and a node whose index files are damaged rebuilds them at start.
 */
@ExtendWith(ArquillianExtension.class)
class TwoNodesIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static List<String> idsOnNodeB(String query) {
        return RestAssured.given().baseUri(StandaloneServer.baseUrl()).get("/api/listings?" + query)
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void each_node_follows_the_others_changes_and_a_damaged_index_is_rebuilt() throws Exception {
        Path indexDir = Path.of("target", "node-b-index").toAbsolutePath();
        Map<String, String> nodeB = Map.of("NANUM_DB_KIND", "postgresql", "NANUM_INDEX_DIR", indexDir.toString());
        String token = Keycloak.newPerson().token();
        String word = "twonode" + Long.toString(System.nanoTime(), 36);
        String id;
        // An outbox row older than the seven days the outbox is kept: a node prunes it soon after start.
        Database.execute("insert into listing_change (seq, listing_id, changed_at) values "
                + "(nextval('listing_change_seq'), 'gone-listing', now() - interval '8 days')");
        try (StandaloneServer b = StandaloneServer.start(nodeB)) {
            Eventually.within(40, "the old outbox row is pruned",
                    () -> Database.count("select count(*) from listing_change where listing_id = 'gone-listing'") == 0);
            id = createPublished(token, goods("Tile cutter " + word, "Manual tile cutter", "goods.tools.hand"));
            Eventually.within(15, "node B finds what node A published", () -> idsOnNodeB("q=" + word).contains(id));

            RestAssured.given().baseUri(StandaloneServer.baseUrl()).header("Authorization", "Bearer " + token)
                    .contentType("application/json").body("{\"status\":\"PAUSED\"}")
                    .put("/api/listings/" + id + "/status").then().statusCode(200);
            awaitGone(null, "q=" + word, id);
            setStatus(token, id, "PUBLISHED").then().statusCode(200);
            Eventually.within(15, "node B sees it again", () -> idsOnNodeB("q=" + word).contains(id));
        }

        // Damage every file of node B's index: at its next start it must rebuild from the database.
        try (Stream<Path> files = Files.list(indexDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.write(f, new byte[] {1, 2, 3});
                }
            }
        }
        try (StandaloneServer b = StandaloneServer.start(nodeB)) {
            assertTrue(idsOnNodeB("q=" + word).contains(id), "found after the rebuild");
        }
        // Lose the index altogether (a new disk): the node starts, rebuilds it, and finds what the database holds.
        try (Stream<Path> files = Files.walk(indexDir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        try (StandaloneServer b = StandaloneServer.start(nodeB)) {
            assertTrue(idsOnNodeB("q=" + word).contains(id), "found after a rebuild from nothing");
            Eventually.within(20, "node B's index holds every searchable listing the database holds", () ->
                    RestAssured.given().baseUri(StandaloneServer.baseUrl()).get("/api/listings?size=1").then().extract()
                            .jsonPath().getLong("total") == Database.count("select count(*) from listing where status = "
                            + "'PUBLISHED' and kind <> 'CHILDCARE'"));
        }
        awaitFound(null, "q=" + word, id);
    }

}
