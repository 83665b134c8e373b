package org.nanum.council;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.nanum.testsupport.NanumDeployment.as;
import static org.nanum.timebank.Households.key;
import static org.nanum.timebank.Households.pay;
import static org.nanum.timebank.Households.to;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.timebank.Households;

/**
 * Councils through the real server: an admin seats members; a proposal is commented on, voted on
 * and counted, and the policy it passes is the one services apply; petitions reach the agenda.
 * Time windows are moved into the past in the database, as the passing of days would.
 */
@ExtendWith(ArquillianExtension.class)
class CouncilIT {
    private static final String PROBLEM = "application/problem+json";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    /** A person with a resident record, their token and resident id. */
    record Person(String token, String residentId) {
    }

    static Person person(String... roles) {
        Keycloak.Person p = Keycloak.newPerson(roles);
        String token = p.token();
        as(token).get("/api/me").then().statusCode(200);
        return new Person(token, (String) Database.residentBySubject(p.id()).get("id"));
    }

    static Response post(String token, String path, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post(path);
    }

    /** A city-wide council with a term in force from yesterday for {@code days}, and its members seated. */
    static String[] council(String admin, int days, Person... members) {
        String id = post(admin, "/api/council/councils", "{\"name\":\"Council " + UUID.randomUUID() + "\"}")
                .then().statusCode(201).extract().path("id");
        LocalDate today = LocalDate.now(SEOUL);
        String term = post(admin, "/api/council/councils/" + id + "/terms", "{\"startsOn\":\"" + today.minusDays(1)
                + "\",\"endsOn\":\"" + today.plusDays(days) + "\"}").then().statusCode(201).extract().path("terms[0].id");
        for (Person m : members) {
            as(admin).put("/api/council/councils/" + id + "/terms/" + term + "/members/" + m.residentId())
                    .then().statusCode(200);
        }
        return new String[] {id, term};
    }

    static String propose(String token, String council, String policy, int value) {
        return post(token, "/api/council/proposals", "{\"councilId\":\"" + council + "\",\"policy\":\"" + policy
                + "\",\"value\":" + value + ",\"rationale\":\"Families swap more hours in winter\"}")
                .then().statusCode(201).extract().path("id");
    }

    static void openVoting(String proposal) {
        Database.execute("update council_proposal set comments_until = current_timestamp - interval '1' second, "
                + "voting_until = current_timestamp + interval '1' hour where id = ?", proposal);
    }

    static void closeVoting(String proposal) {
        Database.execute("update council_proposal set comments_until = current_timestamp - interval '2' second, "
                + "voting_until = current_timestamp - interval '1' second, effective_from = current_timestamp "
                + "where id = ?", proposal);
    }

    static Response vote(String token, String proposal, String choice) {
        return post(token, "/api/council/proposals/" + proposal + "/votes", "{\"choice\":\"" + choice + "\"}");
    }

    /** Runs the calls at the same moment, from as many threads; their results in order. */
    static List<Integer> atOnce(List<java.util.concurrent.Callable<Integer>> calls) {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> out = new ArrayList<>();
            for (var f : futures) {
                out.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    static String status(String proposal) {
        return as(null).get("/api/council/proposals/" + proposal).then().statusCode(200).extract().path("status");
    }

    @Test
    void an_admin_seats_members_for_a_term_and_everyone_can_see_who_sits() {
        Person admin = person("admin");
        Person member = person("council");
        String[] c = council(admin.token(), 365, member);
        as(null).get("/api/council/councils/" + c[0]).then().statusCode(200)
                .body("currentTerm.id", equalTo(c[1])).body("currentTerm.members.residentId", hasItem(member.residentId()))
                .body("currentTerm.members[0].name", org.hamcrest.Matchers.startsWith("Test"));
        // Only admins create councils, add terms and seat members.
        String body = "{\"name\":\"Not allowed " + UUID.randomUUID() + "\"}";
        post(null, "/api/council/councils", body).then().statusCode(401).contentType(PROBLEM);
        post(person().token(), "/api/council/councils", body).then().statusCode(403).contentType(PROBLEM);
        post(person("staff").token(), "/api/council/councils", body).then().statusCode(403);
        post(member.token(), "/api/council/councils", body).then().statusCode(403);
        as(member.token()).put("/api/council/councils/" + c[0] + "/terms/" + c[1] + "/members/" + member.residentId())
                .then().statusCode(403);
        // Bad input names the field; overlapping terms and unknown residents are refused; nothing is written.
        long terms = Database.count("select count(*) from council_term");
        post(admin.token(), "/api/council/councils/" + c[0] + "/terms", "{\"startsOn\":\"2027-01-01\"}").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("endsOn"));
        post(admin.token(), "/api/council/councils/" + c[0] + "/terms", "{\"startsOn\":\"2027-01-01\",\"endsOn\":\"2026-01-01\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        LocalDate today = LocalDate.now(SEOUL);
        post(admin.token(), "/api/council/councils/" + c[0] + "/terms", "{\"startsOn\":\"" + today.plusDays(10)
                + "\",\"endsOn\":\"" + today.plusDays(400) + "\"}").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:term-conflict"));
        assertEquals(terms, Database.count("select count(*) from council_term"));
        as(admin.token()).put("/api/council/councils/" + c[0] + "/terms/" + c[1] + "/members/no-such-resident")
                .then().statusCode(409).body("type", equalTo("urn:nanum:problem:member-not-eligible"));
        post(admin.token(), "/api/council/councils", "{\"name\":\"Mapo council " + UUID.randomUUID()
                + "\",\"districtCode\":\"nowhere\"}").then().statusCode(400).body("errors[0].field", equalTo("districtCode"));
        String mapo = post(admin.token(), "/api/council/councils", "{\"name\":\"Mapo council " + UUID.randomUUID()
                + "\",\"districtCode\":\"mapo\"}").then().statusCode(201).extract().path("id");
        String mapoTerm = post(admin.token(), "/api/council/councils/" + mapo + "/terms", "{\"startsOn\":\"" + today
                + "\",\"endsOn\":\"" + today.plusDays(30) + "\"}").then().statusCode(201).extract().path("terms[0].id");
        // A district council's members live in its district (this one chose none).
        as(admin.token()).put("/api/council/councils/" + mapo + "/terms/" + mapoTerm + "/members/" + member.residentId())
                .then().statusCode(409).body("type", equalTo("urn:nanum:problem:member-not-eligible"));
        // Ending a seat early needs a reason; it is audited, and the seat no longer lets them act.
        as(admin.token()).delete("/api/council/councils/" + c[0] + "/terms/" + c[1] + "/members/" + member.residentId())
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(admin.token()).queryParam("reason", "Moved away")
                .delete("/api/council/councils/" + c[0] + "/terms/" + c[1] + "/members/" + member.residentId())
                .then().statusCode(200);
        post(member.token(), "/api/council/proposals", "{\"councilId\":\"" + c[0] + "\",\"policy\":\"LOAN_MAX_ACTIVE\","
                + "\"value\":6,\"rationale\":\"More tools\"}").then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:not-a-council-member"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'council.member-ended' "
                + "and target_id = ? and reason like '%Moved away'", c[0]));
    }

    @Test
    void a_proposal_passed_by_vote_changes_the_time_bank_floor_and_a_refused_transfer_goes_through() {
        Person admin = person("admin");
        Person ana = person("council");
        Person ben = person("council");
        Person cleo = person("council");
        Person sam = person("council", "staff");
        String[] c = council(admin.token(), 365, ana, ben, cleo, sam);
        Households.Member kim = Households.newHousehold("Kim family");
        Households.Member lee = Households.newHousehold("Lee family");
        pay(kim.token(), key(), to(lee.accountId(), 720)).then().statusCode(201);
        pay(kim.token(), key(), to(lee.accountId(), 60)).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:timebank-limit-reached"));
        String proposal = null;
        try {
            // Who may propose: members only, within the policy's range, with a rationale; not the councils' procedure.
            String body = "{\"councilId\":\"" + c[0] + "\",\"policy\":\"TIMEBANK_FLOOR_MINUTES\",\"value\":-1200,"
                    + "\"rationale\":\"Winter\"}";
            post(null, "/api/council/proposals", body).then().statusCode(401);
            post(kim.token(), "/api/council/proposals", body).then().statusCode(403);
            post(admin.token(), "/api/council/proposals", body).then().statusCode(403);
            post(person("council").token(), "/api/council/proposals", body).then().statusCode(403)
                    .body("type", equalTo("urn:nanum:problem:not-a-council-member"));
            post(sam.token(), "/api/council/proposals", body).then().statusCode(403)
                    .body("type", equalTo("urn:nanum:problem:city-role-cannot-take-part"));
            post(ana.token(), "/api/council/proposals", body.replace("-1200", "-60000")).then().statusCode(400)
                    .body("errors[0].field", equalTo("value"));
            post(ana.token(), "/api/council/proposals", body.replace("Winter", " ")).then().statusCode(400)
                    .body("errors[0].field", equalTo("rationale"));
            post(ana.token(), "/api/council/proposals", body.replace("TIMEBANK_FLOOR_MINUTES", "NO_SUCH")).then()
                    .statusCode(400).body("errors[0].field", equalTo("policy"));
            post(ana.token(), "/api/council/proposals", body.replace("TIMEBANK_FLOOR_MINUTES", "COUNCIL_QUORUM_PERCENT")
                    .replace("-1200", "10")).then().statusCode(409).body("type", equalTo("urn:nanum:problem:policy-not-proposable"));
            post(ana.token(), "/api/council/proposals", body.replace("-1200", "-600")).then().statusCode(409)
                    .body("type", equalTo("urn:nanum:problem:policy-not-proposable"));
            post(ana.token(), "/api/council/proposals", body.replace("}", ",\"effectiveFrom\":\"2020-01-01T00:00:00Z\"}"))
                    .then().statusCode(400).body("errors[0].field", equalTo("effectiveFrom"));
            assertEquals(0, Database.count("select count(*) from council_proposal where council_id = ?", c[0]));

            proposal = propose(ana.token(), c[0], "TIMEBANK_FLOOR_MINUTES", -1200);
            as(null).get("/api/council/proposals/" + proposal).then().statusCode(200).body("phase", equalTo("COMMENTS"))
                    .body("valueThen", equalTo(-600)).body("proposedValue", equalTo(-1200)).body("quorumPercent", equalTo(50));
            // Comments: residents and members, while open; not staff, not anonymous, not empty.
            post(kim.token(), "/api/council/proposals/" + proposal + "/comments", "{\"body\":\"Yes please, for the "
                    + "school holidays\"}").then().statusCode(201).body("comments[0].body", containsString("holidays"));
            post(ben.token(), "/api/council/proposals/" + proposal + "/comments", "{\"body\":\"A member agrees\"}")
                    .then().statusCode(201);
            post(person("staff").token(), "/api/council/proposals/" + proposal + "/comments", "{\"body\":\"x\"}")
                    .then().statusCode(403);
            post(admin.token(), "/api/council/proposals/" + proposal + "/comments", "{\"body\":\"x\"}")
                    .then().statusCode(403).body("type", equalTo("urn:nanum:problem:city-role-cannot-take-part"));
            post(null, "/api/council/proposals/" + proposal + "/comments", "{\"body\":\"x\"}").then().statusCode(401);
            post(kim.token(), "/api/council/proposals/" + proposal + "/comments", "{\"body\":\" \"}").then()
                    .statusCode(400).body("errors[0].field", equalTo("body"));
            vote(ben.token(), proposal, "YES").then().statusCode(409).body("type", equalTo("urn:nanum:problem:outside-window"));

            openVoting(proposal);
            post(kim.token(), "/api/council/proposals/" + proposal + "/comments", "{\"body\":\"Late\"}").then()
                    .statusCode(409).body("type", equalTo("urn:nanum:problem:outside-window"));
            vote(ana.token(), proposal, "MAYBE").then().statusCode(400);
            vote(ana.token(), proposal, "YES").then().statusCode(201).body("myBallot", equalTo("YES"))
                    .body("yes", nullValue());
            vote(ana.token(), proposal, "NO").then().statusCode(409).body("type", equalTo("urn:nanum:problem:already-voted"));
            vote(sam.token(), proposal, "YES").then().statusCode(403)
                    .body("type", equalTo("urn:nanum:problem:city-role-cannot-take-part"));
            vote(kim.token(), proposal, "YES").then().statusCode(403);
            vote(admin.token(), proposal, "YES").then().statusCode(403);
            vote(null, proposal, "YES").then().statusCode(401);
            vote(person("council").token(), proposal, "YES").then().statusCode(403);
            // The same member twice at once: one ballot counts, the other is refused.
            String open = proposal;
            List<Integer> twice = new ArrayList<>(atOnce(List.of(() -> vote(ben.token(), open, "YES").statusCode(),
                    () -> vote(ben.token(), open, "YES").statusCode())));
            twice.sort(null);
            assertEquals(List.of(201, 409), twice);
            vote(cleo.token(), proposal, "NO").then().statusCode(201);
            // Ballots are secret until counted, and then only the counts are public.
            as(null).get("/api/council/proposals/" + proposal).then().body("yes", nullValue()).body("myBallot", nullValue());
            assertEquals(3, Database.count("select count(*) from council_vote where proposal_id = ?", proposal));

            closeVoting(proposal);
            String p = proposal;
            Eventually.within(30, "the sweep counts the vote", () -> "PASSED".equals(status(p)));
            as(null).get("/api/council/proposals/" + proposal).then().body("yes", equalTo(2)).body("no", equalTo(1))
                    .body("abstentions", equalTo(0)).body("members", equalTo(4)).body("phase", equalTo("DECIDED"));
            as(null).get("/api/policy").then().statusCode(200)
                    .body("find { it.key == 'TIMEBANK_FLOOR_MINUTES' }.value", equalTo(-1200))
                    .body("find { it.key == 'TIMEBANK_FLOOR_MINUTES' }.decidedBy", containsString("2 yes, 1 no"));
            // The refused payment now goes through: the ledger reads the floor the council set.
            pay(kim.token(), key(), to(lee.accountId(), 60)).then().statusCode(201);
            assertEquals(1, Database.count("select count(*) from audit_record where action = 'council.counted' "
                    + "and target_id = ? and reason like 'PASSED%'", proposal));
        } finally {
            // Other tests expect the initial floor: take the decided value out again.
            if (proposal != null) {
                Database.execute("delete from policy_value where policy_key = 'TIMEBANK_FLOOR_MINUTES' and decided_by like ?",
                        "%" + proposal);
            }
        }
    }

    @Test
    void a_vote_without_quorum_changes_nothing_and_a_vote_cannot_outlive_the_term() {
        Person admin = person("admin");
        Person ana = person("council");
        List<Person> others = List.of(person("council"), person("council"), person("council"));
        String[] c = council(admin.token(), 365, ana, others.get(0), others.get(1), others.get(2));
        String proposal = propose(ana.token(), c[0], "LOAN_MAX_RENEWALS", 4);
        openVoting(proposal);
        vote(ana.token(), proposal, "YES").then().statusCode(201);
        closeVoting(proposal);
        Eventually.within(30, "the sweep counts the vote", () -> "NO_QUORUM".equals(status(proposal)));
        as(null).get("/api/policy").then().body("find { it.key == 'LOAN_MAX_RENEWALS' }.value", equalTo(2))
                .body("find { it.key == 'LOAN_MAX_RENEWALS' }.byCouncil", equalTo(true))
                .body("find { it.key == 'COUNCIL_QUORUM_PERCENT' }.byCouncil", equalTo(false));
        as(null).get("/api/council/proposals?status=NO_QUORUM&councilId=" + c[0]).then().statusCode(200)
                .body("id", hasItem(proposal));
        as(null).get("/api/council/proposals?status=MAYBE").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
        as(null).get("/api/council/petitions?status=MAYBE").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
        // A council whose term ends in ten days cannot hold a 21-day process.
        Person short1 = person("council");
        String[] brief = council(admin.token(), 10, short1);
        post(short1.token(), "/api/council/proposals", "{\"councilId\":\"" + brief[0] + "\",\"policy\":\"LOAN_MAX_RENEWALS\","
                + "\"value\":3,\"rationale\":\"Why not\"}").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:term-conflict"));
    }

    @Test
    void residents_petition_and_enough_support_puts_the_petition_on_the_agenda() throws InterruptedException {
        Person admin = person("admin");
        String[] c = council(admin.token(), 365, person("council"));
        // The city's charter sets the threshold; this test lowers it to the smallest allowed.
        Database.execute("insert into policy_value (policy_key, effective_from, policy_value, decided_by, reason, "
                + "recorded_at) values ('COUNCIL_PETITION_SUPPORTERS', current_timestamp, '5', 'CouncilIT', "
                + "'test threshold', current_timestamp)");
        try {
            Thread.sleep(6_000); // services re-read policy values every five seconds
            Person starter = person();
            String body = "{\"councilId\":\"" + c[0] + "\",\"policy\":\"MODERATION_AUTO_HIDE_REPORTS\",\"value\":4,"
                    + "\"rationale\":\"Three reports hide too easily\"}";
            post(null, "/api/council/petitions", body).then().statusCode(401);
            post(person("staff").token(), "/api/council/petitions", body).then().statusCode(403);
            post(starter.token(), "/api/council/petitions", body.replace("\"value\":4", "\"value\":1")).then()
                    .statusCode(400).body("errors[0].field", equalTo("value"));
            String petition = post(starter.token(), "/api/council/petitions", body).then().statusCode(201)
                    .body("supporters", equalTo(1)).body("needed", equalTo(5)).body("supportedByMe", equalTo(true))
                    .extract().path("id");
            post(starter.token(), "/api/council/petitions/" + petition + "/support", "").then().statusCode(409)
                    .body("type", equalTo("urn:nanum:problem:already-supported"));
            post(person("staff").token(), "/api/council/petitions/" + petition + "/support", "").then().statusCode(403);
            post(admin.token(), "/api/council/petitions/" + petition + "/support", "").then().statusCode(403);
            post(null, "/api/council/petitions/" + petition + "/support", "").then().statusCode(401);
            // Four residents at once: each counted once, the count and the rows agree.
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tokens.add(person().token());
            }
            assertEquals(List.of(200, 200, 200, 200), atOnce(tokens.stream().map(t -> (java.util.concurrent.Callable<Integer>)
                    () -> post(t, "/api/council/petitions/" + petition + "/support", "").statusCode()).toList()));
            post(person().token(), "/api/council/petitions/" + petition + "/support", "").then().statusCode(409)
                    .body("type", equalTo("urn:nanum:problem:petition-closed"));
            assertEquals(5, Database.count("select count(*) from council_petition_support where petition_id = ?", petition));
            Eventually.within(30, "the sweep puts it on the agenda", () -> "ON_AGENDA".equals(
                    as(null).get("/api/council/petitions/" + petition).then().extract().path("status")));
            String proposal = as(null).get("/api/council/petitions/" + petition).then().extract().path("proposalId");
            as(null).get("/api/council/proposals/" + proposal).then().statusCode(200).body("petitionId", equalTo(petition))
                    .body("proposedBy", nullValue()).body("proposedValue", equalTo(4)).body("phase", equalTo("COMMENTS"));
            // Supporters are counted, never listed.
            as(null).get("/api/council/petitions/" + petition).then().body(not(containsString(starter.residentId())));
        } finally {
            Database.execute("delete from policy_value where decided_by = 'CouncilIT'");
        }
    }
}
