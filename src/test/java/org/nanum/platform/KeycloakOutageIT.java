package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Browser;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Keycloak stopped (its process frozen with SIGSTOP: it accepts connections and never answers,
 * the hardest way for it to be gone): residents with valid tokens keep working, reads and writes,
 * in the API and in a signed-in browser; a new sign-in says plainly that it cannot be done now;
 * when Keycloak is back, new sign-ins work again.
 */
@ExtendWith(ArquillianExtension.class)
class KeycloakOutageIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    /** Sends the signal to the process the launcher started and every process under it (kc.sh runs a JVM). */
    private static void signal(String signal, long pid) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(pid)));
        ProcessHandle.of(pid).orElseThrow().descendants().forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, String.join(" ", command));
    }

    /** A call with a deadline: a server waiting on Keycloak would fail it rather than hang the test. */
    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(NanumDeployment.baseUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15));
        r = body == null ? r.method(method, HttpRequest.BodyPublishers.noBody())
                : r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signed_in_residents_keep_working_while_keycloak_is_down_and_new_sign_ins_say_so() throws Exception {
        String pid = System.getenv("NANUM_TEST_KEYCLOAK_PID");
        if (pid == null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but NANUM_TEST_KEYCLOAK_PID is not set: run through ./nanum test");
        }
        assumeTrue(pid != null, "skipped: the Keycloak the tests use was not started by ./nanum test");
        long keycloak = Long.parseLong(pid);

        Keycloak.Person resident = Keycloak.newPerson();
        String token = resident.token();
        assertEquals(200, call("GET", "/api/me", token, null).statusCode());
        try (Browser signedIn = Browser.open("en"); Browser newcomer = Browser.open("en")) {
            signedIn.go("#/me").signIn(resident).heading("My page");
            newcomer.go("#/").heading("Find things to borrow, spaces, help and childcare");

            signal("STOP", keycloak);
            try {
                // The API checks tokens with the keys it already has: reads and writes go on.
                assertEquals(200, call("GET", "/api/me", token, null).statusCode());
                assertEquals(201, call("POST", "/api/households", token, "{\"name\":\"Outage family\"}").statusCode());
                assertEquals(200, call("GET", "/api/timebank/accounts/mine", token, null).statusCode());
                // So does the signed-in browser.
                signedIn.go("#/timebank").heading("Time bank").shows("Outage family");
                // A new sign-in is refused in words, not with a browser's error page.
                newcomer.driver().findElement(By.xpath("//div[@id='account']/button")).click();
                try {
                    newcomer.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                            "Signing in is not possible right now"));
                } catch (RuntimeException e) {
                    newcomer.screenshot("keycloak-outage-failed");
                    throw new AssertionError("at " + newcomer.driver().getCurrentUrl() + ": "
                            + newcomer.driver().getPageSource().substring(0, Math.min(2000,
                            newcomer.driver().getPageSource().length())), e);
                }
                assertTrue(newcomer.driver().getCurrentUrl().startsWith(NanumDeployment.baseUrl()),
                        "the newcomer stays on Nanum's page");
                Browser.accessible(newcomer, "sign-in unavailable");
            } finally {
                signal("CONT", keycloak);
            }
            // Keycloak is back: the newcomer signs in.
            newcomer.go("#/me").signIn(Keycloak.newPerson()).heading("My page");
        }
    }
}
