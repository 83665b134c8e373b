package org.nanum.residents;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.timebank.Households;
import org.nanum.timebank.Households.Member;

/**
 * A resident downloads everything Nanum holds about them and their household, and nothing about
 * anyone else: the care note their family wrote is theirs, not the sitter's; a lender sees their
 * item's loans without the borrower; the reported resident never learns who reported.
 */
@ExtendWith(ArquillianExtension.class)
class ExportIT {
    private static final Instant WINDOW = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String email(Member m) {
        return (String) Database.residentBySubject(m.person().id()).get("email");
    }

    private static String publish(String token, String body) {
        String id = as(token).contentType(ContentType.JSON).body(body).post("/api/listings").then().statusCode(201)
                .extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    private static Response export(String token) {
        return as(token).get("/api/me/export");
    }

    @Test
    void a_resident_exports_their_households_data_and_nobody_elses() {
        Member family = Households.newHousehold("Export family");
        Member sitter = Households.newHousehold("Export sitter");
        Member lender = Households.newHousehold("Export lender");
        String staff = Keycloak.newPerson("staff").token();
        String sitterId = (String) Database.residentBySubject(sitter.person().id()).get("id");
        as(staff).contentType(ContentType.JSON).body("{\"verified\":true,\"checkedOn\":\"2026-11-01\",\"reason\":\"Seen\"}")
                .put("/api/residents/" + sitterId + "/sitter-check").then().statusCode(200);

        // Babysitting: the family asks, the sitter answers, the family accepts and writes a care note.
        String request = publish(family.token(), "{\"kind\":\"CHILDCARE\",\"direction\":\"REQUEST\",\"title\":\"Export sitting\","
                + "\"description\":\"An evening\",\"category\":\"childcare.babysitting\",\"district\":\"mapo\",\"details\":"
                + "{\"childcare\":{\"from\":\"" + WINDOW + "\",\"to\":\"" + WINDOW.plus(Duration.ofHours(4)) + "\","
                + "\"children\":1,\"ageBands\":[\"AGE_3_5\"]}}}");
        String session = as(sitter.token()).contentType(ContentType.JSON).body("{\"listingId\":\"" + request
                + "\",\"startsAt\":\"" + WINDOW + "\",\"endsAt\":\"" + WINDOW.plus(Duration.ofHours(2)) + "\",\"children\":1}")
                .post("/api/timebank/sessions").then().statusCode(201).extract().path("id");
        as(family.token()).contentType(ContentType.JSON).body("{}").post("/api/timebank/sessions/" + session + "/accept")
                .then().statusCode(200);
        as(family.token()).contentType(ContentType.JSON).body("{\"emergencyContact\":\"010-5555-0101\","
                + "\"allergies\":\"Peanuts (export test)\",\"childrenNames\":\"Minaexport\"}")
                .put("/api/timebank/sessions/" + session + "/care-note").then().statusCode(200);

        // A loan of the lender's drill, with a message; and a report about the lender's listing.
        String drill = publish(lender.token(), "{\"kind\":\"GOODS\",\"title\":\"Export drill\",\"description\":\"Cordless\","
                + "\"category\":\"goods.tools.power\",\"district\":\"mapo\",\"details\":{\"goods\":{\"condition\":\"GOOD\","
                + "\"loanPeriodDays\":3}}}");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(2);
        String loan = as(family.token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\",\"firstDay\":\""
                + day + "\",\"lastDay\":\"" + day + "\"}").post("/api/loans").then().statusCode(201).extract().path("id");
        as(family.token()).contentType(ContentType.JSON).body("{\"body\":\"Could I collect it at six? (export)\"}")
                .post("/api/loans/" + loan + "/messages").then().statusCode(201);
        as(family.token()).contentType(ContentType.JSON).body("{\"targetType\":\"LISTING\",\"targetId\":\"" + drill
                + "\",\"reason\":\"OTHER\",\"details\":\"Battery looks swollen (export)\"}").post("/api/reports")
                .then().statusCode(201);

        // The family's export: everything above, as theirs.
        Response mine = export(family.token());
        mine.then().statusCode(200).contentType(ContentType.JSON)
                .header("Content-Disposition", containsString("attachment; filename=\"nanum-export-"))
                .body("format", equalTo("nanum-export-1"))
                .body("residents.profile.email", equalTo(email(family)))
                .body("residents.household.name", equalTo("Export family"));
        JsonPath f = mine.jsonPath();
        assertEquals("Peanuts (export test)", f.getString("timebank.careNotesWritten[0].allergies"));
        assertEquals("Minaexport", f.getString("timebank.careNotesWritten[0].childrenNames"));
        assertEquals("RECEIVER", f.getString("timebank.sessions.find { it.id == '" + session + "' }.side"));
        assertEquals(120, f.getInt("timebank.account.held"));
        assertTrue(f.getList("catalogue.listings.id").contains(request));
        assertEquals("REQUESTED", f.getString("lending.loansAsBorrower.find { it.id == '" + loan + "' }.status"));
        assertTrue(f.getList("lending.messagesWritten.body").contains("Could I collect it at six? (export)"));
        assertTrue(f.getList("moderation.reportsMade.details").contains("Battery looks swollen (export)"));
        assertFalse(f.getList("residents.actionsOnRecord").isEmpty());
        String familyText = mine.asString();
        assertFalse(familyText.contains(email(sitter)) || familyText.contains(email(lender)), "another household's email");

        // The sitter's export: the session, but the family's care note is not the sitter's data.
        String sitterText = export(sitter.token()).then().statusCode(200).extract().asString();
        JsonPath sj = JsonPath.from(sitterText);
        assertEquals("PROVIDER", sj.getString("timebank.sessions.find { it.id == '" + session + "' }.side"));
        assertTrue(sj.getList("timebank.careNotesWritten").isEmpty());
        assertFalse(sitterText.contains("Minaexport") || sitterText.contains("Peanuts") || sitterText.contains(email(family)));

        // The lender's export: their item's loan without its borrower, the case about their listing without its reporter.
        String lenderText = export(lender.token()).then().statusCode(200).extract().asString();
        JsonPath lj = JsonPath.from(lenderText);
        assertTrue(lj.getList("lending.loansOfMyItems.id").contains(loan));
        assertEquals(1, lj.getList("moderation.casesAboutMe.findAll { it.targetId == '" + drill + "' }").size());
        String familyId = (String) Database.residentBySubject(family.person().id()).get("id");
        assertFalse(lenderText.contains(familyId) || lenderText.contains(email(family))
                || lenderText.contains("Battery looks swollen"), "the borrower or the reporter in the lender's export");

        // Only for the signed-in resident; the export is on the record, its contents are not.
        as(null).get("/api/me/export").then().statusCode(401);
        assertEquals(1, Database.count("select count(*) from audit_record where actor_id = ? and action = 'resident.exported'",
                familyId));
    }
}
