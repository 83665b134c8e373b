package org.nanum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Browser;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A council in the web interface: a member proposes a change to a rule, a resident comments in
 * public, and when voting opens the member casts a secret ballot that only they see afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class CouncilPagesIT {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void a_member_proposes_a_resident_comments_and_the_member_votes_in_secret() throws Exception {
        Keycloak.Person member = Keycloak.newPerson("council");
        as(member.token()).get("/api/me").then().statusCode(200);
        String admin = Keycloak.newPerson("admin").token();
        String name = "Browser council " + System.nanoTime();
        String council = as(admin).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/council/councils").then().statusCode(201).extract().path("id");
        String term = as(admin).contentType(ContentType.JSON).body("{\"startsOn\":\"" + LocalDate.now(SEOUL).minusDays(1)
                + "\",\"endsOn\":\"" + LocalDate.now(SEOUL).plusDays(365) + "\"}").post("/api/council/councils/" + council
                + "/terms").then().statusCode(201).extract().path("terms[0].id");
        // Two members, so one ballot cannot decide alone while the test runs.
        Keycloak.Person other = Keycloak.newPerson("council");
        as(other.token()).get("/api/me").then().statusCode(200);
        for (Keycloak.Person p : new Keycloak.Person[] {member, other}) {
            as(admin).put("/api/council/councils/" + council + "/terms/" + term + "/members/"
                    + Database.residentBySubject(p.id()).get("id")).then().statusCode(200);
        }

        String proposal;
        try (Browser browser = Browser.open("en")) {
            browser.go("#/council/propose").signIn(member);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("propose-policy")));
            new Select(browser.driver().findElement(By.id("propose-council"))).selectByValue(council);
            new Select(browser.driver().findElement(By.id("propose-policy"))).selectByValue("LOAN_MAX_RENEWALS");
            browser.type("propose-value", "3").type("propose-rationale", "Tools for long repairs need a third renewal");
            Browser.accessible(browser, "proposing a change");
            browser.press("Propose");
            browser.waiting().until(ExpectedConditions.urlContains("#/council/proposals/"));
            browser.shows("Tools for long repairs need a third renewal");
            proposal = browser.driver().getCurrentUrl().replaceAll(".*#/council/proposals/", "");
        }
        try (Browser browser = Browser.open("en")) {
            browser.go("#/council/proposals/" + proposal).signIn(Keycloak.newPerson());
            browser.type("comment-body", "Yes please: our shed's lawnmower repair took three weeks").press("Post comment")
                    .shows("Your comment is posted.");
            browser.shows("Yes please: our shed's lawnmower repair took three weeks");
            Browser.accessible(browser, "a proposal, commenting");
        }
        Database.execute("update council_proposal set comments_until = current_timestamp - interval '1' second, "
                + "voting_until = current_timestamp + interval '1' day where id = ?", proposal);
        try (Browser browser = Browser.open("en")) {
            browser.go("#/council/proposals/" + proposal).signIn(member);
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("choice-YES"))).click();
            browser.press("Cast my vote").shows("Your ballot: Yes");
            Browser.accessible(browser, "a proposal, after voting");
            browser.driver().executeScript("window.scrollTo(0, 0)");
            browser.screenshot("council-proposal");
        }
        Map<String, Object> ballot = Database.one("select choice from council_vote where proposal_id = ?", proposal);
        assertEquals("YES", ballot.get("choice"));
        // The public record shows no ballot while the vote is open.
        as(null).get("/api/council/proposals/" + proposal).then().statusCode(200)
                .body("yes", org.hamcrest.Matchers.nullValue());
        // The vote stays open beyond the test run: no later test meets a counted result of it.
        Database.execute("update council_proposal set voting_until = current_timestamp + interval '30' day where id = ?", proposal);
    }
}
