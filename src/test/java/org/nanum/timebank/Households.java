package org.nanum.timebank;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.function.Function;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Test households with time-bank accounts, on the test server or another one. */
public final class Households {
    private Households() {
    }

    /** A person in a household of their own, with the account opened (and its welcome grant). */
    public record Member(Keycloak.Person person, String token, String householdId, String accountId) {
    }

    public static Member newHousehold(String name) {
        return newHousehold(NanumDeployment::as, name);
    }

    static Member newHousehold(Function<String, RequestSpecification> as, String name, String... roles) {
        Keycloak.Person p = Keycloak.newPerson(roles);
        String token = p.token();
        String household = as.apply(token).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/households").then().statusCode(201).extract().path("id");
        String account = as.apply(token).get("/api/timebank/accounts/mine").then().statusCode(200).extract().path("id");
        return new Member(p, token, household, account);
    }

    /** Another person joining the member's household. */
    static String join(Function<String, RequestSpecification> as, Member m) {
        String code = as.apply(m.token()).post("/api/households/mine/invitation").then().statusCode(200)
                .extract().path("invitationCode");
        String token = Keycloak.newPerson().token();
        as.apply(token).contentType(ContentType.JSON).body("{\"invitationCode\":\"" + code + "\"}")
                .post("/api/households/join").then().statusCode(200);
        return token;
    }

    public static Response pay(String token, String key, String body) {
        return pay(NanumDeployment::as, token, key, body);
    }

    static Response pay(Function<String, RequestSpecification> as, String token, String key, String body) {
        RequestSpecification r = as.apply(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            r = r.header("Idempotency-Key", key);
        }
        return r.post("/api/timebank/transfers");
    }

    public static String to(String account, int minutes) {
        return "{\"to\":\"" + account + "\",\"minutes\":" + minutes + ",\"memo\":\"Thanks\"}";
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    public static JsonPath account(String token) {
        return account(NanumDeployment::as, token);
    }

    static JsonPath account(Function<String, RequestSpecification> as, String token) {
        return as.apply(token).get("/api/timebank/accounts/mine").then().statusCode(200).extract().jsonPath();
    }

    public static long balance(String token) {
        return account(token).getLong("balance");
    }
}
