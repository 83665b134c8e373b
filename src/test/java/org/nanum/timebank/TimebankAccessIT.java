package org.nanum.timebank;

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

/** Every time-bank endpoint (and the sitter checks), called by anonymous, a resident and each role. */
@ExtendWith(ArquillianExtension.class)
class TimebankAccessIT {
    private static final String NONE = "00000000-0000-4000-8000-00000000dead";

    record Call(String method, String path, String body) {
        int send(String token) {
            RequestSpecification r = as(token).header("Idempotency-Key", "access-" + System.nanoTime());
            if (body != null) {
                r = r.contentType(ContentType.JSON).body(body);
            }
            return r.request(method, path).statusCode();
        }
    }

    private static final List<Call> SIGNED_IN = List.of(
            new Call("GET", "/api/timebank/accounts/mine", null),
            new Call("GET", "/api/timebank/accounts/mine/transfers", null),
            new Call("GET", "/api/timebank/accounts/mine/statements/2026-11", null),
            new Call("GET", "/api/timebank/accounts/system", null),
            new Call("POST", "/api/timebank/transfers", "{\"to\":\"" + NONE + "\",\"minutes\":5}"),
            new Call("GET", "/api/timebank/transfers/" + NONE, null),
            new Call("POST", "/api/timebank/sessions", "{\"listingId\":\"" + NONE + "\",\"startsAt\":\"2030-01-01T10:00:00Z\","
                    + "\"endsAt\":\"2030-01-01T11:00:00Z\"}"),
            new Call("GET", "/api/timebank/sessions/mine", null),
            new Call("GET", "/api/timebank/sessions/" + NONE, null),
            new Call("POST", "/api/timebank/sessions/" + NONE + "/accept", "{}"),
            new Call("POST", "/api/timebank/sessions/" + NONE + "/decline", "{}"),
            new Call("POST", "/api/timebank/sessions/" + NONE + "/cancel", "{}"),
            new Call("POST", "/api/timebank/sessions/" + NONE + "/confirm", "{}"),
            new Call("POST", "/api/timebank/sessions/" + NONE + "/no-show", "{}"),
            new Call("POST", "/api/timebank/sessions/" + NONE + "/dispute", "{\"reason\":\"late\"}"),
            new Call("PUT", "/api/timebank/sessions/" + NONE + "/care-note", "{\"allergies\":\"none\"}"),
            new Call("GET", "/api/timebank/sessions/" + NONE + "/care-note", null),
            new Call("GET", "/api/timebank/sessions/" + NONE + "/messages", null),
            new Call("POST", "/api/timebank/sessions/" + NONE + "/messages", "{\"body\":\"hello\"}"));

    private static final List<Call> STAFF_ONLY = List.of(
            new Call("POST", "/api/timebank/transfers/" + NONE + "/reversal", "{\"reason\":\"mistake\"}"),
            new Call("POST", "/api/timebank/grants", "{\"to\":\"" + NONE + "\",\"minutes\":5,\"memo\":\"help\"}"),
            new Call("GET", "/api/timebank/sessions/disputes", null),
            new Call("POST", "/api/timebank/sessions/" + NONE + "/settle", "{\"reason\":\"decided\"}"),
            new Call("GET", "/api/residents/" + NONE + "/sitter-check", null),
            new Call("PUT", "/api/residents/" + NONE + "/sitter-check",
                    "{\"verified\":true,\"checkedOn\":\"2026-11-01\",\"reason\":\"seen\"}"));

    private static final List<Call> COUNCIL_AND_ADMIN = List.of(
            new Call("GET", "/api/timebank/ledger/check", null),
            new Call("GET", "/api/timebank/ledger/summary", null));

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void anonymous_callers_get_401_problems_everywhere() {
        for (Call call : Stream.of(SIGNED_IN, STAFF_ONLY, COUNCIL_AND_ADMIN).flatMap(List::stream).toList()) {
            RequestSpecification r = as(null);
            if (call.body() != null) {
                r = r.contentType(ContentType.JSON).body(call.body());
            }
            r.request(call.method(), call.path()).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:nanum:problem:unauthenticated"));
        }
    }

    @Test
    void a_resident_reaches_their_own_endpoints_and_no_others() {
        Households.Member member = Households.newHousehold("Access household");
        for (Call call : SIGNED_IN) {
            assertThat(call.method() + " " + call.path(), call.send(member.token()), not(oneOf(401, 403, 500)));
        }
        for (Call call : Stream.concat(STAFF_ONLY.stream(), COUNCIL_AND_ADMIN.stream()).toList()) {
            assertThat(call.method() + " " + call.path(), call.send(member.token()), equalTo(403));
        }
    }

    @Test
    void each_role_on_the_staff_and_council_endpoints() {
        String staff = Keycloak.newPerson("staff").token();
        for (Call call : STAFF_ONLY) {
            // Nothing has that id: staff get past the role check to a 4xx about the thing itself.
            assertThat("staff " + call.method() + " " + call.path(), call.send(staff), not(oneOf(401, 403, 500)));
        }
        for (Call call : COUNCIL_AND_ADMIN) {
            assertThat("staff " + call.path(), call.send(staff), equalTo(403));
        }
        for (String role : List.of("council", "admin")) {
            String token = Keycloak.newPerson(role).token();
            for (Call call : STAFF_ONLY) {
                assertThat(role + " " + call.method() + " " + call.path(), call.send(token), equalTo(403));
            }
            for (Call call : COUNCIL_AND_ADMIN) {
                assertThat(role + " " + call.path(), call.send(token), equalTo(200));
            }
        }
    }
}
