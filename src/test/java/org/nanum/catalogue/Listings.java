package org.nanum.catalogue;

import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.nanum.testsupport.Eventually;

/** Builders and helpers for catalogue tests. */
final class Listings {
    private Listings() {
    }

    static String goods(String title, String description, String category) {
        return "{\"kind\":\"GOODS\",\"title\":\"" + title + "\",\"description\":\"" + description
                + "\",\"category\":\"" + category + "\",\"district\":\"jongno\",\"latitude\":37.5752,\"longitude\":126.9813,"
                + "\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3,\"pickupPlace\":\"Door 2, flat 301\"}}}";
    }

    static Response create(String token, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/listings");
    }

    static String createPublished(String token, String body) {
        String id = create(token, body).then().statusCode(201).extract().path("id");
        setStatus(token, id, "PUBLISHED").then().statusCode(200);
        return id;
    }

    static Response setStatus(String token, String id, String status) {
        return as(token).contentType(ContentType.JSON).body("{\"status\":\"" + status + "\"}")
                .put("/api/listings/" + id + "/status");
    }

    static List<String> searchIds(String token, String query) {
        return as(token).get("/api/listings?" + query).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    static void awaitFound(String token, String query, String id) {
        Eventually.within(15, id + " found by " + query, () -> searchIds(token, query).contains(id));
    }

    static void awaitGone(String token, String query, String id) {
        Eventually.within(15, id + " gone from " + query, () -> !searchIds(token, query).contains(id));
    }
}
