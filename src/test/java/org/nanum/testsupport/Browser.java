package org.nanum.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its ChromeDriver, for the web interface's tests; and
 * axe-core run in the page. Outside CI a machine without Chromium skips these tests, saying so;
 * under CI=true its absence is a failure.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A new browser whose preferred language is {@code language} (en, ko, fr), in a fresh profile. */
    public static Browser open(String language) throws Exception {
        return open(language, 1280, 900);
    }

    /** A new browser with a window of this size in CSS pixels (390 × 844: a phone). */
    public static Browser open(String language, int width, int height) throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but Chromium or ChromeDriver is missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(present, "skipped: no Chromium here (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory("nanum-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As this machine's network needs: no background connections, no sandbox as root.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        // The page's console, so tests can see a blocked resource (Content Security Policy) or an uncaught error.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (width < 600) {
            // A phone: Chromium's window has a minimum width, so the page is given a phone's screen instead.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 30 s (pages talk to the real server, Keycloak included). */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens a page of the web interface by its route, e.g. {@code #/timebank}. */
    public Browser go(String route) {
        driver.get(NanumDeployment.baseUrl() + "/" + route);
        return this;
    }

    /** Signs the person in on Keycloak's own login page, from the page the browser is on, and waits to be back. */
    public Browser signIn(Keycloak.Person person) {
        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='account']/button"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(person.username());
        driver.findElement(By.id("password")).sendKeys(person.password());
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"), person.username()));
        return this;
    }

    /** Waits until the page's heading says {@code title}. */
    public Browser heading(String title) {
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), title));
        return this;
    }

    /** Waits until the main part of the page shows {@code text}. */
    public Browser shows(String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
        return this;
    }

    /** Clicks the button with exactly this text (waiting for it to be clickable). */
    public Browser press(String buttonText) {
        waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + buttonText + "']"))).click();
        return this;
    }

    /** Replaces what is typed in the control with this id. */
    public Browser type(String id, String text) {
        WebElement input = waiting().until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /**
     * Runs axe-core (WCAG 2.0–2.2 A and AA rules) in the page as it is now; returns the serious and
     * critical violations, each as "rule: target".
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityProblems() throws Exception {
        String axe = System.getenv("NANUM_TEST_AXE");
        if (axe == null || !Files.isReadable(Path.of(axe))) {
            throw new IllegalStateException("NANUM_TEST_AXE does not name axe.min.js: run the tests through ./nanum test");
        }
        driver.executeScript(Files.readString(Path.of(axe)));
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    /** Fails with the page's serious or critical accessibility problems, if axe-core finds any. */
    public static void accessible(Browser browser, String page) throws Exception {
        List<String> problems = browser.seriousAccessibilityProblems();
        if (!problems.isEmpty()) {
            throw new AssertionError(page + ": " + problems);
        }
    }

    /**
     * What the page's console said went wrong since the last call: content the Content Security
     * Policy blocked, and uncaught script errors. (Failed API calls the page handles are not errors.)
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("SyntaxError"))
                .toList();
    }

    /** Saves what the page shows as a PNG under target/screenshots (docs/screenshots keeps chosen ones). */
    public Path screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
