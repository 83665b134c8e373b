package org.nanum.residents;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.http.ContentType;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/**
 * Notifications through a real SMTP server (GreenMail, on the port the server's mail session is
 * given by ./nanum test): the inbox, immediate mail, the daily digest, and a mail server that is
 * down not holding up what residents do.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationIT {
    private static final int SMTP_PORT = Integer.parseInt(System.getenv().getOrDefault("NANUM_SMTP_PORT", "13025"));
    private static GreenMail smtp;

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static String item(String owner, String title) {
        String id = as(owner).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"" + title + "\","
                        + "\"description\":\"For neighbours\",\"category\":\"goods.tools.power\",\"district\":\"mapo\","
                        + "\"latitude\":37.55,\"longitude\":126.91,\"details\":{\"goods\":{\"condition\":\"GOOD\","
                        + "\"loanPeriodDays\":3}}}").post("/api/listings").then().statusCode(201).extract().path("id");
        as(owner).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    private static String ask(String token, String item, int inDays) {
        LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(inDays);
        return as(token).contentType(ContentType.JSON).body("{\"itemId\":\"" + item + "\",\"firstDay\":\"" + day
                + "\",\"lastDay\":\"" + day + "\"}").post("/api/loans").then().statusCode(201).extract().path("id");
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String email(Keycloak.Person p) {
        return p.username() + "@test.nanum.local";
    }

    @Test
    void a_loan_request_reaches_the_lenders_inbox_and_mail_in_their_language() throws Exception {
        Keycloak.Person ownerPerson = Keycloak.newPerson();
        String owner = ownerPerson.token();
        String ana = Keycloak.newPerson().token();
        String drill = item(owner, "Mail drill");

        String loan = ask(ana, drill, 3);
        var inbox = as(owner).get("/api/notifications").then().statusCode(200).extract().jsonPath();
        assertEquals("LOAN_REQUESTED", inbox.getString("[0].kind"));
        assertEquals("Mail drill 대여 요청이 왔어요", inbox.getString("[0].subject"));
        assertEquals("/api/loans/" + loan, inbox.getString("[0].link"));
        Eventually.within(20, "the mail reaches the lender", () -> !mailTo(email(ownerPerson)).isEmpty());
        MimeMessage mail = mailTo(email(ownerPerson)).get(0);
        assertEquals("Mail drill 대여 요청이 왔어요", mail.getSubject());
        assertTrue(GreenMailUtil.getBody(mail).contains("/api/loans/" + loan) || mail.getContent().toString().contains(loan));

        // Read, by its owner only.
        String id = inbox.getString("[0].id");
        as(ana).contentType(ContentType.JSON).post("/api/notifications/" + id + "/read").then().statusCode(404);
        as(owner).post("/api/notifications/" + id + "/read").then().statusCode(200).body("read", equalTo(true));

        // In English from now on.
        as(owner).contentType(ContentType.JSON).body("{\"mailMode\":\"IMMEDIATE\",\"language\":\"en\"}")
                .put("/api/notifications/preference").then().statusCode(200);
        ask(Keycloak.newPerson().token(), drill, 5);
        Eventually.within(20, "an English mail", () -> mailTo(email(ownerPerson)).stream().anyMatch(m -> {
            try {
                return "Someone asks to borrow Mail drill".equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }));
        as(owner).contentType(ContentType.JSON).body("{\"mailMode\":\"SOMETIMES\",\"language\":\"en\"}")
                .put("/api/notifications/preference").then().statusCode(400);
        as(owner).contentType(ContentType.JSON).body("{\"mailMode\":\"DIGEST\",\"language\":\"de\"}")
                .put("/api/notifications/preference").then().statusCode(400).body("errors[0].field", equalTo("language"));
        as(null).get("/api/notifications").then().statusCode(401);
    }

    @Test
    void a_daily_digest_gathers_a_days_notifications_into_one_mail() throws Exception {
        Keycloak.Person benPerson = Keycloak.newPerson();
        String ben = benPerson.token();
        as(ben).contentType(ContentType.JSON).body("{\"mailMode\":\"DIGEST\",\"language\":\"en\"}")
                .put("/api/notifications/preference").then().statusCode(200);
        String ana = Keycloak.newPerson().token();
        ask(ana, item(ben, "Digest saw"), 4);
        ask(ana, item(ben, "Digest ladder"), 4);
        Thread.sleep(5000);
        assertEquals(0, mailTo(email(benPerson)).size(), "nothing before the day is out");

        String resident = Database.one("select id from resident where username = ?", benPerson.username()).get("id").toString();
        Database.execute("update notification set created_at = ? where resident_id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), resident);
        Eventually.within(20, "one digest", () -> mailTo(email(benPerson)).size() == 1);
        MimeMessage digest = mailTo(email(benPerson)).get(0);
        assertEquals("Nanum: 2 updates", digest.getSubject());
        String body = GreenMailUtil.getBody(digest);
        assertTrue(body.contains("Digest saw") && body.contains("Digest ladder"), body);
        assertEquals(0, Database.count("select count(*) from notification where resident_id = ? and mail_status <> 'SENT'",
                resident));
    }

    @Test
    void a_mail_server_that_is_down_holds_nothing_up_and_the_mail_goes_later() throws Exception {
        Keycloak.Person ownerPerson = Keycloak.newPerson();
        String owner = ownerPerson.token();
        String drill = item(owner, "Outage drill");
        smtp.stop();
        try {
            String loan = ask(Keycloak.newPerson().token(), drill, 6);
            String resident = Database.one("select id from resident where username = ?", ownerPerson.username()).get("id").toString();
            Eventually.within(20, "a failed attempt is recorded", () -> Database.count("select count(*) from notification "
                    + "where resident_id = ? and mail_status = 'PENDING' and mail_attempts >= 1", resident) == 1);
            assertTrue(loan != null);
            startSmtp();
            // Its next attempt is due in a minute; bring it forward rather than wait.
            Database.execute("update notification set mail_next_at = ? where resident_id = ?",
                    OffsetDateTime.now(ZoneOffset.UTC), resident);
            Eventually.within(20, "the mail goes once the server is back", () -> !mailTo(email(ownerPerson)).isEmpty());
        } finally {
            if (!smtp.isRunning()) {
                startSmtp();
            }
        }
    }

    @Test
    void a_mail_server_that_accepts_and_never_answers_holds_nothing_up_either() throws Exception {
        Keycloak.Person ownerPerson = Keycloak.newPerson();
        String owner = ownerPerson.token();
        String drill = item(owner, "Silent server drill");
        smtp.stop();
        // Mail other tests left waiting (no mail server outside this class) would be tried first, each
        // holding the outbox for its 10 s timeout: they wait a day, so this test's mail is the one tried.
        Database.execute("update notification set mail_next_at = ? where mail_status = 'PENDING'",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        // A black hole where the mail server was: it takes the connection and never says a word.
        java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.net.ServerSocket hole = new java.net.ServerSocket(SMTP_PORT, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!hole.isClosed()) {
                    try {
                        held.add(hole.accept());
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            acceptor.start();
            // The request is answered at once by the server: mail is the outbox's business, later.
            String borrower = Keycloak.newPerson().token();
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(NanumDeployment.baseUrl() + "/api/loans"))
                            .header("Authorization", "Bearer " + borrower).header("Content-Type", "application/json")
                            .timeout(java.time.Duration.ofSeconds(15))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"itemId\":\"" + drill
                                    + "\",\"firstDay\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(7)
                                    + "\",\"lastDay\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(7) + "\"}"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, answer.statusCode(), answer.body());
            String resident = Database.one("select id from resident where username = ?", ownerPerson.username()).get("id").toString();
            Eventually.within(40, "the attempt times out and is recorded, the mail still waiting", () -> Database.count(
                    "select count(*) from notification where resident_id = ? and mail_status = 'PENDING' and mail_attempts >= 1",
                    resident) == 1);
            assertTrue(!held.isEmpty(), "the server did try the silent mail server");
        } finally {
            for (java.net.Socket s : held) {
                s.close();
            }
            startSmtp();
        }
        String resident = Database.one("select id from resident where username = ?", ownerPerson.username()).get("id").toString();
        Database.execute("update notification set mail_next_at = ? where resident_id = ?", OffsetDateTime.now(ZoneOffset.UTC), resident);
        Eventually.within(30, "the mail goes once a real server answers", () -> !mailTo(email(ownerPerson)).isEmpty());
    }
}
