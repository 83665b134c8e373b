package org.nanum.residents;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Every residents endpoint, called by anonymous, a resident and each role. */
@ExtendWith(ArquillianExtension.class)
class AccessIT {
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
            new Call("GET", "/api/me", null),
            new Call("PUT", "/api/me/district", "{\"district\":\"jongno\"}"),
            new Call("POST", "/api/households", "{\"name\":\"Access\"}"),
            new Call("GET", "/api/households/mine", null),
            new Call("POST", "/api/households/mine/invitation", null),
            new Call("POST", "/api/households/join", "{\"invitationCode\":\"NOSUCHCODE\"}"),
            new Call("POST", "/api/households/mine/leave", null));

    private static final List<Call> STAFF_ONLY = List.of(
            new Call("GET", "/api/residents/00000000-0000-0000-0000-000000000000", null),
            new Call("PUT", "/api/residents/00000000-0000-0000-0000-000000000000/residency",
                    "{\"verified\":true,\"reason\":\"seen\"}"));

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void anonymous_callers_get_401_problems_everywhere_but_the_public_district_list() {
        for (Call call : concat(SIGNED_IN, STAFF_ONLY)) {
            RequestSpecification r = as(null);
            if (call.body() != null) {
                r = r.contentType(ContentType.JSON).body(call.body());
            }
            r.request(call.method(), call.path()).then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:nanum:problem:unauthenticated"));
        }
        as(null).get("/api/districts").then().statusCode(200);
    }

    @Test
    void residents_use_their_own_endpoints_but_not_staff_ones() {
        String resident = Keycloak.newPerson().token();
        for (Call call : SIGNED_IN) {
            org.hamcrest.MatcherAssert.assertThat(call.method() + " " + call.path(), call.send(resident),
                    not(oneOf(401, 403, 500)));
        }
        for (Call call : STAFF_ONLY) {
            org.hamcrest.MatcherAssert.assertThat(call.method() + " " + call.path(), call.send(resident), equalTo(403));
        }
    }

    @Test
    void each_role_on_the_staff_endpoints() {
        for (String role : List.of("council", "admin")) {
            String token = Keycloak.newPerson(role).token();
            for (Call call : STAFF_ONLY) {
                org.hamcrest.MatcherAssert.assertThat(role + " " + call.path(), call.send(token), equalTo(403));
            }
        }
        String staff = Keycloak.newPerson("staff").token();
        for (Call call : STAFF_ONLY) {
            // The resident does not exist: staff get past the role check to a 404.
            org.hamcrest.MatcherAssert.assertThat("staff " + call.path(), call.send(staff), equalTo(404));
        }
    }

    private static List<Call> concat(List<Call> a, List<Call> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
