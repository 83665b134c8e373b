package org.nanum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.nanum.timebank.Households;
import org.openqa.selenium.By;

/**
 * Every page of the web interface, visited in Korean by the people it is for (anyone, a resident,
 * staff, a council member): each draws without an error, has one heading, shows no English message
 * where a Korean one exists, has no serious or critical accessibility problem (axe-core), and fits a
 * phone's width without scrolling sideways.
 */
@ExtendWith(ArquillianExtension.class)
class PagesTourIT {
    private static final ZoneId CITY = ZoneId.of("Asia/Seoul");

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static JsonObject messages(String language) throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of("src/main/webapp/i18n/" + language + ".json"))) {
            return Json.createReader(r).readObject();
        }
    }

    /** English messages that differ in Korean (the Korean page must show none of them). */
    private static List<String> englishOnly() throws Exception {
        JsonObject en = messages("en");
        JsonObject ko = messages("ko");
        List<String> english = new ArrayList<>();
        en.forEach((key, value) -> {
            String text = en.getString(key);
            if (text.length() >= 3 && !text.contains("{") && !text.equals(ko.getString(key))) {
                english.add(text);
            }
        });
        return english;
    }

    private static org.openqa.selenium.chrome.ChromeDriver driver(Browser browser) {
        return browser.driver();
    }

    /** Opens each route, waits for it to finish loading, and checks it. */
    private static void tour(Browser browser, List<String> routes, List<String> problems) throws Exception {
        List<String> english = englishOnly();
        String loading = messages("ko").getString("search.loading");
        for (String route : routes) {
            browser.go(route);
            // Read in the page in one go: parts of it are redrawn as their data arrives.
            browser.waiting().until(d -> Boolean.TRUE.equals(driver(browser).executeScript(
                    "return document.querySelectorAll('main h1').length > 0 && ![...document.querySelectorAll('[role=status]')]"
                    + ".some(s => s.textContent === arguments[0])", loading)));
            Thread.sleep(300); // sections that load after the heading
            var driver = browser.driver();
            @SuppressWarnings("unchecked")
            Map<String, Object> page = (Map<String, Object>) driver.executeScript("const walker = document.createTreeWalker("
                    + "document.body, NodeFilter.SHOW_TEXT); const pieces = []; while (walker.nextNode()) {"
                    + "const t = walker.currentNode.textContent.trim(); if (t) pieces.push(t); }"
                    + "document.querySelectorAll('[aria-label],[placeholder],[title],[alt]').forEach(e => ['aria-label',"
                    + "'placeholder','title','alt'].forEach(a => e.getAttribute(a) && pieces.push(e.getAttribute(a).trim())));"
                    + "return {text: document.body.innerText, pieces,"
                    + "headings: document.querySelectorAll('h1').length,"
                    + "errors: [...document.querySelectorAll('.error')].filter(e => e.offsetParent && e.textContent.trim())"
                    + ".map(e => e.textContent.trim())}");
            String text = (String) page.get("text");
            if (((Number) page.get("headings")).intValue() != 1) {
                problems.add(route + ": " + page.get("headings") + " headings of level 1");
            }
            for (Object error : (List<?>) page.get("errors")) {
                problems.add(route + ": shows an error: " + error);
            }
            // Each piece of text the page drew (a text node, a label for assistive technology) is
            // compared whole: a message left in English, or a key with no message, is caught; what
            // residents wrote in English (a council's name, a listing's title) is not a message.
            for (Object piece : (List<?>) page.get("pieces")) {
                String p = piece.toString();
                if (english.contains(p)) {
                    problems.add(route + ": English in the Korean page: \"" + p + "\"");
                } else if (p.matches("[a-z]+(\\.[A-Za-z_-]+)+")) {
                    problems.add(route + ": a message key without a message: " + p);
                }
            }
            if (!text.matches("(?s).*[\\uAC00-\\uD7A3].*")) {
                problems.add(route + ": no Korean at all");
            }
            for (String error : browser.consoleErrors()) {
                problems.add(route + ": the console says " + error);
            }
            for (String a : browser.seriousAccessibilityProblems()) {
                problems.add(route + ": " + a);
            }
            Object wide = driver.executeScript("if (document.documentElement.scrollWidth <= window.innerWidth + 1) return null;"
                    + "const out = [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right"
                    + " > window.innerWidth + 1 && !e.closest('.scroll')).slice(0, 3).map(e => e.tagName + '.' + e.className"
                    + " + '#' + e.id); return document.documentElement.scrollWidth + ' > ' + window.innerWidth + ': ' + out;");
            if (wide != null) {
                problems.add(route + ": wider than the phone's screen (" + wide + ")");
            }
        }
    }

    private static String listing(String token, String title, String kind, String details, String category) {
        String id = as(token).contentType(ContentType.JSON).body("{\"kind\":\"" + kind + "\",\"title\":\"" + title
                        + "\",\"description\":\"주민이 함께 쓰는 물건입니다\",\"category\":\"" + category + "\","
                        + "\"district\":\"mapo\",\"details\":" + details + "}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    @Test
    void every_page_speaks_korean_is_accessible_and_fits_a_phone_for_everyone_it_is_for() throws Exception {
        // A resident with a household, a drill of their own and a loan asked of someone else's ladder.
        Households.Member resident = Households.newHousehold("둘러보기 가족");
        String goods = "{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}";
        String own = listing(resident.token(), "충전 드릴", "GOODS", goods, "goods.tools.power");
        Keycloak.Person neighbour = Keycloak.newPerson();
        String ladder = listing(neighbour.token(), "접이식 사다리", "GOODS", goods, "goods.tools.power");
        LocalDate day = LocalDate.now(CITY).plusDays(2);
        String loan = as(resident.token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + ladder + "\",\"firstDay\":\""
                + day + "\",\"lastDay\":\"" + day + "\"}").post("/api/loans").then().statusCode(201).extract().path("id");
        Map<String, Object> city = Database.one("select id from listing where owner_type = 'CITY' and kind = 'SPACE' "
                + "and status = 'PUBLISHED' order by created_at limit 1");

        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.open("ko", 390, 844)) {
            List<String> anyone = new ArrayList<>(List.of("#/", "#/?q=드릴", "#/listings/" + ladder, "#/transparency",
                    "#/council", "#/council/petitions"));
            if (city != null) {
                anyone.add("#/listings/" + city.get("id"));
            }
            tour(browser, anyone, problems);
            browser.go("#/me").signIn(resident.person());
            tour(browser, List.of("#/me", "#/me/listings", "#/me/listings/new", "#/me/listings/" + own, "#/me/loans",
                    "#/me/loans/" + loan, "#/listings/" + ladder, "#/timebank", "#/timebank/ask", "#/inbox",
                    "#/me/settings", "#/me/reports"), problems);
            browser.go("#/timebank").heading("타임뱅크");
            browser.screenshot("phone-timebank");
        }
        try (Browser browser = Browser.open("ko", 390, 844)) {
            browser.go("#/staff").signIn(Keycloak.newPerson("staff"));
            tour(browser, List.of("#/staff", "#/staff/sitters", "#/staff/city", "#/staff/deposits", "#/staff/disputes",
                    "#/staff/imports"), problems);
        }
        Keycloak.Person member = Keycloak.newPerson("council");
        as(member.token()).get("/api/me").then().statusCode(200);
        String admin = Keycloak.newPerson("admin").token();
        String council = as(admin).contentType(ContentType.JSON).body("{\"name\":\"둘러보기 위원회 " + System.nanoTime() + "\"}")
                .post("/api/council/councils").then().statusCode(201).extract().path("id");
        String term = as(admin).contentType(ContentType.JSON).body("{\"startsOn\":\"" + LocalDate.now(CITY).minusDays(1)
                + "\",\"endsOn\":\"" + LocalDate.now(CITY).plusDays(365) + "\"}").post("/api/council/councils/" + council + "/terms")
                .then().statusCode(201).extract().path("terms[0].id");
        as(admin).put("/api/council/councils/" + council + "/terms/" + term + "/members/"
                + Database.residentBySubject(member.id()).get("id")).then().statusCode(200);
        try (Browser browser = Browser.open("ko", 390, 844)) {
            browser.go("#/council").signIn(member);
            tour(browser, List.of("#/council", "#/council/propose", "#/council/appeals", "#/council/report", "#/council/books"),
                    problems);
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }
}
