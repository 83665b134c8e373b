package org.nanum.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.NanumDeployment;

/** Health, OpenAPI, districts, the schema, and problem+json for addresses that do not exist. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void ready_includes_the_database_and_live_answers() {
        as(null).get("/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.product", equalTo("PostgreSQL"));
        as(null).get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void the_schema_is_flyways_and_the_city_has_its_25_districts() {
        assertEquals(1, Database.count("select count(*) from flyway_schema_history where version = '1' and success"));
        as(null).get("/api/districts").then().statusCode(200)
                .body("$", hasSize(25))
                .body("code", hasItem("mapo"))
                .body("find { it.code == 'gangnam' }.nameKo", equalTo("강남구"))
                .body("find { it.code == 'gangnam' }.officialCode", equalTo("11680"));
        assertEquals(25, Database.count("select count(*) from district"));
    }

    @Test
    void every_operation_is_described_in_the_openapi_document() {
        String doc = as(null).accept("application/json").get("/openapi").then().statusCode(200).extract().asString();
        JsonObject paths = Json.createReader(new StringReader(doc)).readObject().getJsonObject("paths");
        List<String> undescribed = new ArrayList<>();
        List<String> operationIds = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                // A path item also holds what its operations share (parameters …): only methods are operations.
                if (!List.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                    continue;
                }
                JsonObject operation = op.getValue().asJsonObject();
                operations++;
                operationIds.add(operation.getString("operationId", op.getKey() + " " + path.getKey()));
                if (operation.getString("summary", "").isBlank() || operation.getString("description", "").isBlank()) {
                    undescribed.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertTrue(paths.containsKey("/api/me"), "paths: " + paths.keySet());
        assertTrue(operations >= 9, "operations found: " + operations);
        assertEquals(List.of(), undescribed, "operations without a summary and description");
        // Clients generate code from the document: two operations with one id break it.
        assertEquals(List.of(), operationIds.stream().filter(id -> java.util.Collections.frequency(operationIds, id) > 1)
                .distinct().toList(), "operationIds used twice");
    }

    @Test
    void the_openapi_ui_is_served() {
        String page = as(null).get("/openapi/ui/").then().statusCode(200).extract().asString();
        assertFalse(page.isBlank());
    }

    @Test
    void unknown_addresses_and_methods_are_problems() {
        as(null).get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:nanum:problem:not-found"))
                .body("instance", equalTo("/api/no-such-thing"));
        as(null).delete("/api/districts").then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:nanum:problem:method-not-allowed"));
    }
}
