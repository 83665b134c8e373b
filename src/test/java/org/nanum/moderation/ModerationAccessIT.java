package org.nanum.moderation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Every moderation endpoint, called by anonymous, a resident and each role; the public log by anyone. */
@ExtendWith(ArquillianExtension.class)
class ModerationAccessIT {
    private static final String NONE = "00000000-0000-4000-8000-00000000dead";

    record Call(String method, String path, String body) {
        int send(String token) {
            RequestSpecification r = as(token);
            if (body != null) {
                r = r.contentType(ContentType.JSON).body(body);
            }
            return r.request(method, path).statusCode();
        }
    }

    private static final List<Call> SIGNED_IN = List.of(
            new Call("POST", "/api/reports", "{\"targetType\":\"LISTING\",\"targetId\":\"" + NONE + "\",\"reason\":\"SPAM\"}"),
            new Call("GET", "/api/reports/mine", null),
            new Call("GET", "/api/moderation/decisions/mine", null),
            new Call("POST", "/api/moderation/decisions/" + NONE + "/appeal", "{\"reason\":\"wrong\"}"));

    private static final List<Call> STAFF_ONLY = List.of(
            new Call("GET", "/api/moderation/queue", null),
            new Call("GET", "/api/moderation/cases/" + NONE, null),
            new Call("POST", "/api/moderation/cases/" + NONE + "/claim", null),
            new Call("POST", "/api/moderation/cases/" + NONE + "/decision",
                    "{\"decision\":\"DISMISS\",\"category\":\"OTHER\",\"reason\":\"fine\"}"),
            new Call("POST", "/api/moderation/cases/" + NONE + "/suspension-lift", "{\"reason\":\"fine\"}"),
            new Call("GET", "/api/moderation/prohibited-terms", null),
            new Call("POST", "/api/moderation/prohibited-terms", "{\"reason\":\"no word\"}"),
            new Call("DELETE", "/api/moderation/prohibited-terms/" + NONE, null));

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void anonymous_callers_get_401_everywhere_but_the_public_log() {
        for (Call call : Stream.concat(SIGNED_IN.stream(), STAFF_ONLY.stream()).toList()) {
            RequestSpecification r = as(null);
            if (call.body() != null) {
                r = r.contentType(ContentType.JSON).body(call.body());
            }
            r.request(call.method(), call.path()).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:nanum:problem:unauthenticated"));
        }
        as(null).get("/api/transparency/log").then().statusCode(200);
    }

    @Test
    void residents_reach_their_own_endpoints_and_each_role_only_its_own() {
        String resident = Keycloak.newPerson().token();
        for (Call call : SIGNED_IN) {
            assertThat(call.method() + " " + call.path(), call.send(resident), not(oneOf(401, 403, 500)));
        }
        for (String role : List.of("council", "admin")) {
            String token = Keycloak.newPerson(role).token();
            for (Call call : STAFF_ONLY) {
                assertThat(role + " " + call.method() + " " + call.path(), call.send(token), equalTo(403));
            }
        }
        for (Call call : STAFF_ONLY) {
            assertThat("resident " + call.method() + " " + call.path(), call.send(resident), equalTo(403));
        }
        String staff = Keycloak.newPerson("staff").token();
        for (Call call : STAFF_ONLY) {
            // Nothing has that id: staff get past the role check to a 4xx about the case itself.
            assertThat("staff " + call.method() + " " + call.path(), call.send(staff), not(oneOf(401, 403, 500)));
        }
        as(resident).get("/api/transparency/log").then().statusCode(200);
    }
}
