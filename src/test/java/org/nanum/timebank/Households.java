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

    /**
     * A person whose residency city staff verified, in a household of their own: the account is
     * opened with their welcome grant, and may go below zero.
     */
    public static Member newHousehold(String name) {
        return newHousehold(NanumDeployment::as, name);
    }

    static Member newHousehold(Function<String, RequestSpecification> as, String name, String... roles) {
        Member m = newUnverifiedHousehold(as, name, roles);
        verifyResidency(as, m.token());
        return m;
    }

    /** A person who signed up and started a household, residency not verified: no welcome grant, no credit. */
    public static Member newUnverifiedHousehold(String name) {
        return newUnverifiedHousehold(NanumDeployment::as, name);
    }

    static Member newUnverifiedHousehold(Function<String, RequestSpecification> as, String name, String... roles) {
        Keycloak.Person p = Keycloak.newPerson(roles);
        String token = p.token();
        String household = as.apply(token).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/households").then().statusCode(201).extract().path("id");
        String account = as.apply(token).get("/api/timebank/accounts/mine").then().statusCode(200).extract().path("id");
        return new Member(p, token, household, account);
    }

    private static volatile String staffToken;

    /** A city staff member's token, for the tests' own verifications (a person apart from every household). */
    public static synchronized String staff() {
        if (staffToken == null) {
            staffToken = Keycloak.newPerson("staff").token();
        }
        return staffToken;
    }

    /** City staff verify the residency of the person with this token (through the API, with a reason). */
    public static void verifyResidency(String token) {
        verifyResidency(NanumDeployment::as, token);
    }

    public static void verifyResidency(Function<String, RequestSpecification> as, String token) {
        String id = as.apply(token).get("/api/me").then().statusCode(200).extract().path("id");
        String staff;
        try {
            staff = staff();
            as.apply(staff).get("/api/me").then().statusCode(200);
        } catch (AssertionError expired) {
            synchronized (Households.class) {
                staffToken = null;
            }
            staff = staff();
        }
        as.apply(staff).contentType(ContentType.JSON)
                .body("{\"verified\":true,\"reason\":\"Residency card seen at the district office\"}")
                .put("/api/residents/" + id + "/residency").then().statusCode(200);
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

    /**
     * Residents give to the community pot until it holds at least {@code minutes}: other tests
     * write debts off to it (which may leave it below zero), so a test that grants from it fills it first.
     */
    public static void fillPot(long minutes) {
        String pot = "00000000-0000-4000-8000-0000000000e2";
        for (int i = 0; i < 20; i++) {
            long in = org.nanum.testsupport.Database.count("select balance from tb_account where id = ?", pot);
            if (in >= minutes) {
                return;
            }
            Member giver = newHousehold("Pot giver");
            pay(giver.token(), key(), to(pot, (int) Math.min(700, minutes - in))).then().statusCode(201);
        }
        throw new AssertionError("the community pot did not fill");
    }
}
