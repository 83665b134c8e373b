package org.nanum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Browser;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web interface in a real headless Chromium against the real server: anyone searches the
 * catalogue and opens a listing, switches the language, reads the public pages; axe-core finds no
 * serious or critical accessibility problem on any of them.
 */
@ExtendWith(ArquillianExtension.class)
class WebIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String published(String token, String title) {
        String id = as(token).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"" + title + "\","
                        + "\"description\":\"A cordless drill with two batteries\",\"category\":\"goods.tools.power\","
                        + "\"district\":\"mapo\",\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    private static void noSeriousProblems(Browser browser, String page) throws Exception {
        List<String> problems = browser.seriousAccessibilityProblems();
        assertTrue(problems.isEmpty(), page + ": " + problems);
    }

    @Test
    void anyone_finds_a_drill_opens_it_and_reads_the_public_pages_in_three_languages() throws Exception {
        String word = "zelvix" + Long.toString(System.nanoTime(), 36);
        String drill = published(Keycloak.newPerson().token(), "Drill " + word);
        Eventually.within(20, "the drill is searchable", () -> as(null).queryParam("q", word).get("/api/listings")
                .then().extract().jsonPath().getList("items.id").contains(drill));
        // What every client is told first: where to sign in, and the city's time zone for dates and times.
        as(null).get("/api/sign-in").then().statusCode(200).body("clientId", org.hamcrest.Matchers.equalTo("nanum-web"))
                .body("cityZone", org.hamcrest.Matchers.equalTo("Asia/Seoul"));
        try (Browser browser = Browser.open("en")) {
            var driver = browser.driver();
            var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(NanumDeployment.baseUrl() + "/#/");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Find things to borrow, spaces, help and childcare"));
            assertEquals("en", driver.findElement(By.tagName("html")).getDomAttribute("lang"));

            // Search with the keyboard, as a resident would.
            WebElement box = driver.findElement(By.id("q"));
            box.sendKeys(word);
            box.submit();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "1 result"));
            WebElement hit = driver.findElement(By.linkText("Drill " + word));
            noSeriousProblems(browser, "search results");
            browser.screenshot("search");
            hit.click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Drill " + word));
            assertTrue(driver.findElement(By.tagName("main")).getText().contains("A cordless drill with two batteries"));
            noSeriousProblems(browser, "a listing");
            browser.screenshot("listing");

            // Korean everywhere after the switch, and it stays chosen.
            new Select(driver.findElement(By.id("language"))).selectByValue("ko");
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ko"));
            driver.get(NanumDeployment.baseUrl() + "/#/?q=" + word);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "빌릴 물건, 공간, 도움과 돌봄을 찾아보세요"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "검색 결과 1건"));
            assertEquals("찾기", driver.findElement(By.linkText("찾기")).getText());
            assertEquals("검색", driver.findElement(By.cssSelector("form.search button")).getText());
            noSeriousProblems(browser, "search in Korean");

            driver.get(NanumDeployment.baseUrl() + "/#/transparency");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "투명성 기록"));
            noSeriousProblems(browser, "the transparency log");

            new Select(driver.findElement(By.id("language"))).selectByValue("fr");
            driver.get(NanumDeployment.baseUrl() + "/#/council");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Décisions du conseil et propositions ouvertes"));
            noSeriousProblems(browser, "the council's decisions");
            browser.screenshot("council-decisions");
        }
    }

    private static String publishedIn(String token, String title, String district) {
        String id = as(token).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"" + title + "\","
                        + "\"description\":\"Sharp and clean\",\"category\":\"goods.tools.hand\",\"district\":\"" + district
                        + "\",\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    @Test
    void anyone_narrows_a_search_with_suggestions_facets_distance_and_sees_the_map() throws Exception {
        String word = "quorvex" + Long.toString(System.nanoTime(), 36);
        String owner = Keycloak.newPerson().token();
        String mapo = publishedIn(owner, "Saw " + word + " west", "mapo");
        String gangnam = publishedIn(owner, "Saw " + word + " east", "gangnam");
        Eventually.within(20, "both saws are searchable", () -> as(null).queryParam("q", word).get("/api/listings")
                .then().extract().jsonPath().getList("items.id").containsAll(List.of(mapo, gangnam)));
        try (Browser browser = Browser.open("en")) {
            var driver = browser.driver();
            browser.go("#/");
            // Suggestions as one types: titles of published listings with a word starting so.
            browser.type("q", word.substring(0, 7));
            browser.waiting().until(d -> d.findElements(By.cssSelector("datalist#q-suggestions option")).stream()
                    .anyMatch(o -> o.getDomAttribute("value").contains(word)));
            browser.go("#/?q=" + word);
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "2 results"));
            // The map of the districts, with the results on it.
            WebElement map = driver.findElement(By.cssSelector("svg.map[role=img]"));
            assertTrue(map.findElements(By.tagName("title")).size() >= 1);
            noSeriousProblems(browser, "search with facets and the map");
            // Facets as links with counts: choosing Mapo-gu keeps only the west saw, in the address too.
            driver.findElement(By.linkText("Mapo-gu (1)")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "1 result"));
            assertTrue(driver.getCurrentUrl().contains("district=mapo"), driver.getCurrentUrl());
            assertEquals(1, driver.findElements(By.linkText("Saw " + word + " west")).size());
            assertEquals(0, driver.findElements(By.linkText("Saw " + word + " east")).size());
            // Near Gangnam-gu's office, within 3 km: only the east saw.
            browser.go("#/?q=" + word + "&near=gangnam&withinKm=3");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "1 result"));
            assertEquals(1, driver.findElements(By.linkText("Saw " + word + " east")).size());
        }
    }

    @Test
    void a_resident_signs_in_through_keycloak_sees_their_page_and_signs_out() throws Exception {
        Keycloak.Person person = Keycloak.newPerson();
        try (Browser browser = Browser.open("en")) {
            var driver = browser.driver();
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(NanumDeployment.baseUrl() + "/#/me");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "My page"));
            assertTrue(driver.findElement(By.tagName("main")).getText().contains("Sign in to see your page."));
            // Keycloak's own login page, with the code and PKCE flow of the nanum-web client.
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='account']/button"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(person.username());
            driver.findElement(By.id("password")).sendKeys(person.password());
            driver.findElement(By.id("kc-login")).click();
            String name = "Test " + person.username();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"), "Signed in as " + name));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), name));
            assertEquals("My page", driver.findElement(By.tagName("h1")).getText());
            noSeriousProblems(browser, "my page");
            browser.screenshot("me");
            // Signing out ends the session in Keycloak too, and the page is anonymous again.
            driver.findElement(By.xpath("//div[@id='account']/button")).click();
            wait.until(ExpectedConditions.textToBe(By.xpath("//div[@id='account']/button"), "Sign in"));
            driver.get(NanumDeployment.baseUrl() + "/#/me");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Sign in to see your page."));
        }
    }

    /** Signs a person in on Keycloak's page, from wherever the browser is. */
    private static void signIn(WebDriverWait wait, org.openqa.selenium.WebDriver driver, Keycloak.Person person) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='account']/button"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(person.username());
        driver.findElement(By.id("password")).sendKeys(person.password());
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"), person.username()));
    }

    @Test
    void a_council_member_reads_the_usage_report_as_charts_with_small_cells_withheld() throws Exception {
        // Two loans in June 2018 (a month only this test fills), by two borrowers: too few to publish.
        String owner = Keycloak.newPerson().token();
        for (int i = 0; i < 2; i++) {
            String item = published(owner, "Report drill " + i);
            java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(2);
            String loan = as(Keycloak.newPerson().token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + item
                    + "\",\"firstDay\":\"" + day + "\",\"lastDay\":\"" + day + "\"}").post("/api/loans").then()
                    .statusCode(201).extract().path("id");
            as(owner).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loan + "/approve").then().statusCode(200);
            Database.execute("update listing set created_at = timestamp '2018-06-04 10:00:00' where id = ?", item);
            Database.execute("update loan set created_at = timestamp '2018-06-05 10:00:00', first_day = date "
                    + "'2018-06-09', last_day = date '2018-06-09' where id = ?", loan);
        }
        // A council member, seated by an admin.
        Keycloak.Person member = Keycloak.newPerson("council");
        as(member.token()).get("/api/me").then().statusCode(200);
        String memberId = (String) Database.residentBySubject(member.id()).get("id");
        String admin = Keycloak.newPerson("admin").token();
        String council = as(admin).contentType(ContentType.JSON).body("{\"name\":\"Web council " + java.util.UUID.randomUUID()
                + "\"}").post("/api/council/councils").then().statusCode(201).extract().path("id");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        String term = as(admin).contentType(ContentType.JSON).body("{\"startsOn\":\"" + today.minusDays(1) + "\",\"endsOn\":\""
                + today.plusDays(365) + "\"}").post("/api/council/councils/" + council + "/terms").then().statusCode(201)
                .extract().path("terms[0].id");
        as(admin).put("/api/council/councils/" + council + "/terms/" + term + "/members/" + memberId).then().statusCode(200);

        try (Browser browser = Browser.open("en")) {
            var driver = browser.driver();
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(NanumDeployment.baseUrl() + "/#/council");
            signIn(wait, driver, member);
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Usage report"))).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Usage report"));
            driver.get(NanumDeployment.baseUrl() + "/#/council/report?from=2018-06&to=2018-06&groupBy=district");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                    "From 2018-06 to 2018-06"));
            WebElement chart = driver.findElement(By.cssSelector("figure svg.chart"));
            assertEquals("Loans made", driver.findElement(By.tagName("figcaption")).getText());
            // Mapo's two loans are withheld, drawn as an outline that says so, and so is the total in the table.
            assertTrue(chart.findElements(By.cssSelector("rect.withheld")).size() >= 1);
            assertTrue(chart.getText().contains("withheld"), chart.getText());
            WebElement allRow = driver.findElement(By.xpath("//table//tr[th[@scope='row' and text()='All']]"));
            assertTrue(allRow.getText().contains("withheld"), allRow.getText());
            assertTrue(driver.findElement(By.tagName("main")).getText().contains("Digest "));
            noSeriousProblems(browser, "the usage report");
            browser.screenshot("council-report");
        }
    }
}
