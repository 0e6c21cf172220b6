package io.corsboot.sample.playground;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.context.ConfigurableApplicationContext;

import io.corsboot.sample.SampleStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clicks through every scenario of the playground in headless Chromium and checks what the browser itself decided:
 * whether the script could read the answer, which headers it could read, whether the session cookie went back and
 * whether a preflight went out (from the sample's request log). Subclasses pick the web stack.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PlaygroundBrowserTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final SampleStack stack;

    private final String stackName;

    private @Nullable ConfigurableApplicationContext context;

    private @Nullable ChromeDriver browser;

    private int pagePort;

    PlaygroundBrowserTests(SampleStack stack, String stackName) {
        this.stack = stack;
        this.stackName = stackName;
    }

    @BeforeAll
    void openPlayground(@TempDir Path profile) {
        Chromium.assumeInstalled();
        this.context = this.stack.start();
        this.pagePort = this.context.getBean(Playground.class).pagePort();
        this.browser = Chromium.start(profile);
        browser().get("http://localhost:" + this.pagePort + "/");
        waitUntil(() -> "true".equals(browser().findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @AfterAll
    void close() {
        if (this.browser != null) {
            this.browser.quit();
        }
        if (this.context != null) {
            this.context.close();
        }
    }

    @Test
    @Order(0)
    void pageNamesItsOriginsAndTheWebStack() {
        String served = browser().findElement(By.id("served")).getText();
        assertThat(served).contains("http://localhost:" + this.pagePort, this.stackName);
        assertThat(browser().findElement(By.id("wrong-origin")).isDisplayed()).isFalse();
    }

    @Test
    @Order(1)
    void simpleGetIsReadWithoutPreflight() {
        Step get = run("simple-get").single();
        assertThat(get.verdict()).isEqualTo("read");
        assertThat(get.status()).isEqualTo("200");
        assertThat(get.preflight()).isEqualTo("not-sent");
        assertThat(get.arrived()).isEqualTo("yes");
        assertThat(get.body()).contains("Hello from the CORS sample");
        assertExplained(get, "ALLOWED", "public");
    }

    @Test
    @Order(2)
    void exposedHeaderIsReadableAndTheOtherIsNot() {
        Step get = run("exposed-header").single();
        assertThat(get.verdict()).isEqualTo("read");
        assertThat(get.preflight()).isEqualTo("not-sent");
        assertThat(get.headers()).containsEntry("X-Served-By", "null (not readable)");
        assertThat(get.headers().get("X-Request-Id")).startsWith("req-");
        assertExplained(get, "ALLOWED", "partner-api");
    }

    @Test
    @Order(3)
    void jsonPostIsPreflightedThenRead() {
        Step post = run("json-post").single();
        assertThat(post.preflight()).isEqualTo("sent");
        assertThat(post.preflightText()).contains("asking for POST with headers content-type");
        assertThat(post.verdict()).isEqualTo("read");
        assertThat(post.status()).isEqualTo("201");
        assertThat(post.body()).contains("\"status\": \"created\"");
        assertExplained(post, "ALLOWED", "partner-api");
    }

    @Test
    @Order(4)
    void putAndDeleteAreEachPreflightedThenRead() {
        Run run = run("put-delete");
        assertThat(run.steps()).hasSize(2);
        Step put = run.steps().get(0);
        Step delete = run.steps().get(1);
        assertThat(put.preflightText()).contains("asking for PUT");
        assertThat(put.verdict()).isEqualTo("read");
        assertThat(put.body()).contains("\"status\": \"updated\"");
        assertThat(delete.preflightText()).contains("asking for DELETE");
        assertThat(delete.verdict()).isEqualTo("read");
        assertThat(delete.status()).isEqualTo("204");
        assertExplained(put, "ALLOWED", "partner-api");
        assertExplained(delete, "ALLOWED", "partner-api");
    }

    @Test
    @Order(5)
    void customHeaderIsPreflightedThenReachesTheApi() {
        Step get = run("custom-header").single();
        assertThat(get.preflightText()).contains("with headers x-client-version");
        assertThat(get.verdict()).isEqualTo("read");
        assertThat(get.body()).contains("\"clientVersion\": \"2.1\"");
        assertExplained(get, "ALLOWED", "partner-api");
    }

    @Test
    @Order(6)
    void authorizationIsPreflightedThenReachesTheApi() {
        Step get = run("authorization").single();
        assertThat(get.preflightText()).contains("with headers authorization");
        assertThat(get.verdict()).isEqualTo("read");
        assertThat(get.body()).contains("partner-bot");
        assertExplained(get, "ALLOWED", "partner-api");
    }

    @Test
    @Order(7)
    void sessionCookieRoundTripsWithTheCredentialedPolicy() {
        Run run = run("credentials-partner");
        Step signIn = run.steps().get(0);
        Step me = run.steps().get(1);
        assertThat(signIn.verdict()).isEqualTo("read");
        assertThat(signIn.preflight()).isEqualTo("not-sent");
        assertThat(me.cookies()).contains("SAMPLE_SESSION");
        assertThat(me.verdict()).isEqualTo("read");
        assertThat(me.status()).isEqualTo("200");
        assertThat(me.body()).contains("\"user\": \"ada\"", "session cookie");
        assertExplained(signIn, "ALLOWED", "partner-api");
        assertExplained(me, "ALLOWED", "partner-api");
    }

    // After the sign-in above, so that the browser holds a session cookie it could send.
    @Test
    @Order(8)
    void wildcardAnswerToACredentialedRequestIsBlockedByTheBrowser() {
        Run run = run("credentials-wildcard");
        Step get = run.single();
        assertThat(get.arrived()).isEqualTo("yes");
        assertThat(get.cookies()).contains("SAMPLE_SESSION");
        assertThat(get.preflight()).isEqualTo("not-sent");
        assertThat(get.verdict()).isEqualTo("blocked");
        assertThat(run.console()).anyMatch((message) -> message.contains("blocked by CORS policy")
                && message.contains("must not be the wildcard '*'"));
        // The policy admits any origin: it is the browser that refuses "*" to a request with credentials.
        assertExplained(get, "ALLOWED", "public");
    }

    @Test
    @Order(9)
    void morePreciseAdminPolicyBlocksThePlayground() {
        Run run = run("admin");
        Step get = run.single();
        assertThat(get.arrived()).isEqualTo("yes");
        assertThat(get.preflight()).isEqualTo("not-sent");
        assertThat(get.verdict()).isEqualTo("blocked");
        assertThat(run.console()).anyMatch((message) -> message.contains("blocked by CORS policy")
                && message.contains("No 'Access-Control-Allow-Origin' header"));
        assertExplained(get, "ORIGIN_NOT_ALLOWED", "admin");
        assertThat(get.explanation()).contains("http://localhost:" + this.pagePort);
    }

    // After the sign-in above: the cookie exists, and stays home because 127.0.0.1 is another site.
    @Test
    @Order(10)
    void disallowedOriginIsBlockedAndSendsNoCookie() {
        Step get = run("disallowed-origin").single();
        assertThat(get.arrivalText()).contains("from http://127.0.0.1:" + this.pagePort);
        assertThat(get.cookies()).isEmpty();
        assertThat(get.preflight()).isEqualTo("not-sent");
        assertThat(get.verdict()).isEqualTo("blocked");
        assertExplained(get, "ORIGIN_NOT_ALLOWED", "partner-api");
        assertThat(get.explanation()).contains("http://127.0.0.1:" + this.pagePort);
    }

    @Test
    @Order(11)
    void runEveryScenarioShowsEachVerdict() {
        runEveryScenario();
        List<WebElement> steps = browser().findElements(By.cssSelector("#scenarios .step"));
        assertThat(steps).extracting((step) -> step.getDomAttribute("data-verdict"))
            .containsExactly("read", "read", "read", "read", "read", "read", "read", "read", "read", "blocked",
                    "blocked", "blocked");
        assertThat(browser().findElements(By.cssSelector("#summary td.verdict .badge")))
            .extracting((badge) -> badge.getDomAttribute("class"))
            .containsExactly("badge read", "badge read", "badge read", "badge read", "badge read", "badge read",
                    "badge read", "badge read", "badge read", "badge blocked", "badge blocked", "badge blocked");
    }

    void runEveryScenario() {
        List<WebElement> cards = browser().findElements(By.cssSelector("#scenarios .scenario"));
        browser().findElement(By.id("run-all")).click();
        waitUntil(() -> browser().findElement(By.id("run-all")).isEnabled()
                && cards.stream().allMatch((card) -> "done".equals(card.getDomAttribute("data-state"))));
    }

    ChromeDriver browser() {
        assertThat(this.browser).isNotNull();
        return this.browser;
    }

    private Run run(String scenario) {
        browser().manage().logs().get(LogType.BROWSER);
        WebElement card = browser().findElement(By.id("scenario-" + scenario));
        card.findElement(By.cssSelector("button.run")).click();
        waitUntil(() -> "done".equals(card.getDomAttribute("data-state")));
        List<Step> steps = card.findElements(By.className("step")).stream().map(Step::of).toList();
        List<String> console = browser().manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .toList();
        return new Run(steps, console);
    }

    private static void assertExplained(Step step, String reason, String policy) {
        assertThat(step.reason()).isEqualTo(reason);
        assertThat(step.policy()).isEqualTo(policy);
        assertThat(step.explanation()).isNotBlank();
    }

    private void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser(), TIMEOUT).until((driver) -> condition.getAsBoolean());
    }

    /** The steps of one scenario as the page showed them, and what the browser wrote to its console meanwhile. */
    record Run(List<Step> steps, List<String> console) {

        Step single() {
            assertThat(this.steps).hasSize(1);
            return this.steps.get(0);
        }
    }

    /** One request of a scenario, as the page showed it. */
    record Step(String verdict, @Nullable String status, String preflight, String arrived, List<String> cookies,
            String preflightText, String arrivalText, String body, Map<String, String> headers, String reason,
            String policy, String explanation) {

        static Step of(WebElement step) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (WebElement header : step.findElements(By.cssSelector("dd.verdict .header"))) {
                String text = header.getText();
                headers.put(header.getDomAttribute("data-name"), text.substring(text.indexOf(": ") + 2));
            }
            List<WebElement> body = step.findElements(By.cssSelector("dd.verdict pre.body"));
            List<WebElement> policy = step.findElements(By.cssSelector("dd.explanation .policy"));
            String cookies = step.getDomAttribute("data-cookies");
            return new Step(step.getDomAttribute("data-verdict"), step.getDomAttribute("data-status"),
                    step.getDomAttribute("data-preflight"), step.getDomAttribute("data-arrived"),
                    (cookies == null || cookies.isEmpty()) ? List.of() : Arrays.asList(cookies.split(",")),
                    step.findElement(By.cssSelector("dd.preflight")).getText(),
                    step.findElement(By.cssSelector("dd.arrival")).getText(),
                    body.isEmpty() ? "" : body.get(0).getText(), headers, step.getDomAttribute("data-reason"),
                    policy.isEmpty() ? "" : policy.get(0).getText(),
                    step.findElement(By.cssSelector("dd.explanation")).getText());
        }
    }
}
