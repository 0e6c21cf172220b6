package io.corsboot.reload;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ConfigurableApplicationContext;

import io.corsboot.actuate.CorsEndpoint.CorsDescriptor;
import io.corsboot.actuate.CorsEndpoint;
import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.ConfigProblem;
import io.corsboot.testing.BootLine;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Reload of {@code cors.*} through a real Spring Cloud refresh: a changed file, then POST /actuator/refresh. */
@ExtendWith(OutputCaptureExtension.class)
class CorsRefreshTests {

    private static final String A = "https://a.example.com";

    private static final String B = "https://b.example.com";

    private static final String V1 = """
            cors.policies.api.paths=/api/**
            cors.policies.api.allowed-origins=https://a.example.com
            cors.policies.old.paths=/old/**
            cors.policies.old.allowed-origins=https://a.example.com
            """;

    @TempDir
    private Path directory;

    private ConfigurableApplicationContext context;

    private int port;

    @AfterEach
    void close() {
        if (this.context != null) {
            this.context.close();
        }
    }

    @Test
    void appliesAValidChange() throws Exception {
        start(V1);
        assertThat(allowOrigin("/api/orders", B)).isNull();
        refreshWith(V1.replace("allowed-origins=https://a.example.com\ncors.policies.old",
                "allowed-origins=https://a.example.com,https://b.example.com\ncors.policies.old"));
        assertThat(allowOrigin("/api/orders", B)).isEqualTo(B);
        assertThat(allowOrigin("/api/orders", A)).isEqualTo(A);
    }

    @Test
    void removesAPolicyThatIsNoLongerConfigured() throws Exception {
        start(V1);
        assertThat(get("/old/things", A).headers().firstValue("Vary")).hasValue("Origin");
        refreshWith("""
                cors.policies.api.paths=/api/**
                cors.policies.api.allowed-origins=https://a.example.com
                """);
        HttpResponse<String> response = get("/old/things", A);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Vary")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(holder().get().policies()).extracting(CompiledPolicy::name).containsExactly("api");
    }

    @Test
    void forgetsAKeyThatIsNoLongerConfigured() throws Exception {
        start(V1);
        refreshWith(V1 + "cors.defaults.allow-credentials=true\n");
        assertThat(get("/api/orders", A).headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        refreshWith(V1);
        HttpResponse<String> response = get("/api/orders", A);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(A);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void refusesAnInvalidChangeWholeAndReportsIt(CapturedOutput output) throws Exception {
        start(V1);
        PolicySnapshot before = holder().get();
        refreshWith("""
                cors.policies.api.paths=/api/**
                cors.policies.api.allowed-origins=https://b.example.com/
                cors.policies.old.paths=/old/**
                cors.policies.old.allowed-origins=https://b.example.com
                """);
        assertThat(holder().get().policies()).isEqualTo(before.policies());
        assertThat(allowOrigin("/api/orders", A)).isEqualTo(A);
        assertThat(allowOrigin("/old/things", B)).isNull();
        assertThat(holder().get().refused()).extracting(ConfigProblem::code, ConfigProblem::property)
            .containsExactly(tuple(Code.ORIGIN_HAS_PATH,
                    "cors.policies.api.allowed-origins[0]"));
        assertThat(output).contains("Refused the new CORS configuration")
            .contains("Property: cors.policies.api.allowed-origins[0]");
        CorsDescriptor listing = endpoint().policies();
        assertThat(listing.refused()).singleElement(InstanceOfAssertFactories.STRING)
            .startsWith("cors.policies.api.allowed-origins[0]: \"https://b.example.com/\" has a trailing slash");
        assertThat(listing.fingerprint()).isEqualTo(before.fingerprint());
    }

    @Test
    void theFingerprintChangesExactlyWhenBehaviourChanges() throws Exception {
        start(V1);
        String first = endpoint().policies().fingerprint();
        refreshWith(V1.replace("old.allowed-origins=https://a.example.com", "old.allowed-origins=https://a.example.com\n"
                + "cors.policies.old.max-age=30m"));
        assertThat(holder().get().policies()).filteredOn((policy) -> policy.name().equals("old"))
            .singleElement()
            .extracting((policy) -> policy.spec().maxAge().property())
            .isEqualTo("cors.policies.old.max-age");
        assertThat(endpoint().policies().fingerprint()).as("the default max-age, spelled out").isEqualTo(first);
        refreshWith(V1.replace("old.allowed-origins=https://a.example.com", "old.allowed-origins=" + B));
        String second = endpoint().policies().fingerprint();
        assertThat(second).isNotEqualTo(first);
        refreshWith(V1.replace("old.allowed-origins=https://a.example.com", "old.allowed-origins=" + B + "/"));
        assertThat(holder().get().refused()).isNotNull();
        assertThat(endpoint().policies().fingerprint()).as("a refused change").isEqualTo(second);
        refreshWith(V1);
        assertThat(endpoint().policies().fingerprint()).isEqualTo(first);
    }

    @Test
    void clearsTheRefusalWhenALaterChangeIsApplied() throws Exception {
        start(V1);
        refreshWith(V1.replace("old.allowed-origins=https://a.example.com", "old.allowed-origins=a.example.com"));
        assertThat(holder().get().refused()).isNotNull();
        refreshWith(V1.replace("old.allowed-origins=https://a.example.com", "old.allowed-origins=" + B));
        assertThat(holder().get().refused()).isNull();
        assertThat(endpoint().policies().refused()).isNull();
        assertThat(allowOrigin("/old/things", B)).isEqualTo(B);
    }

    @Test
    void installsTheFilterBeforeAnyPolicyIsConfigured() throws Exception {
        start("");
        assertThat(get("/api/orders", A).headers().firstValue("Vary")).isEmpty();
        refreshWith("""
                cors.policies.api.paths=/api/**
                cors.policies.api.allowed-origins=https://a.example.com
                """);
        assertThat(allowOrigin("/api/orders", A)).isEqualTo(A);
    }

    @Test
    void keepsEveryPolicyThatAChangeDoesNotTouch() throws Exception {
        start(V1);
        PolicySnapshot before = holder().get();
        refreshWith(V1.replace("old.allowed-origins=https://a.example.com", "old.allowed-origins=" + B));
        PolicySnapshot after = holder().get();
        assertThat(after).isNotSameAs(before);
        assertThat(after.policies().get(0)).isSameAs(before.policies().get(0));
        assertThat(after.policies().get(1)).isNotSameAs(before.policies().get(1));
    }

    @Test
    void keepsThePoliciesWhenAnEventNamesACorsKeyThatARefreshLeftAsItWas(CapturedOutput output) throws Exception {
        start(V1);
        PolicySnapshot started = holder().get();
        // Spring Cloud's refresh replaces the file's property source with one read again, equal under cors.
        refreshWith(V1 + "app.greeting=bonjour\n");
        announceChanged("cors.policies.api.allowed-origins");
        assertThat(holder().get()).isSameAs(started);
        assertThat(output).doesNotContain("Reloaded the CORS configuration");
        refreshWith(V1.replace("old.allowed-origins=https://a.example.com", "old.allowed-origins=" + B));
        PolicySnapshot changed = holder().get();
        assertThat(changed).isNotSameAs(started);
        assertThat(allowOrigin("/old/things", B)).isEqualTo(B);
        announceChanged("cors.policies.old.allowed-origins");
        assertThat(holder().get()).isSameAs(changed);
        assertThat(occurrences(output, "Reloaded the CORS configuration")).isEqualTo(1);
    }

    @Test
    void readsCorsAgainOnEveryEventAfterARefusedChange(CapturedOutput output) throws Exception {
        start(V1);
        refreshWith(V1.replace("old.allowed-origins=https://a.example.com", "old.allowed-origins=a.example.com"));
        announceChanged("cors.policies.old.allowed-origins");
        assertThat(occurrences(output, "Refused the new CORS configuration")).isEqualTo(2);
        refreshWith(V1);
        assertThat(holder().get().refused()).isNull();
        assertThat(endpoint().policies().refused()).isNull();
    }

    @Test
    void reloadsWhenTheKeyThatAPlaceholderUnderCorsNamesChanges() throws Exception {
        String properties = V1.replace("api.allowed-origins=https://a.example.com", "api.allowed-origins=${frontend}")
                + "frontend=https://a.example.com\n";
        start(properties);
        PolicySnapshot started = holder().get();
        refreshWith(properties + "app.greeting=bonjour\n");
        assertThat(holder().get()).isSameAs(started);
        assertThat(allowOrigin("/api/orders", B)).isNull();
        refreshWith(properties.replace("frontend=https://a.example.com", "frontend=" + B));
        assertThat(allowOrigin("/api/orders", B)).isEqualTo(B);
        assertThat(allowOrigin("/api/orders", A)).isNull();
    }

    @Test
    void ignoresARefreshThatChangesNoCorsProperty() throws Exception {
        start(V1 + "app.greeting=hello\n");
        PolicySnapshot before = holder().get();
        refreshWith(V1 + "app.greeting=bonjour\n");
        assertThat(this.context.getEnvironment().getProperty("app.greeting")).isEqualTo("bonjour");
        assertThat(holder().get()).isSameAs(before);
    }

    private void start(String properties) throws Exception {
        Path file = this.directory.resolve("cors.properties");
        Files.writeString(file, properties);
        this.context = new SpringApplicationBuilder(ReloadTestApplication.class).run("--server.port=0",
                "--spring.config.import=file:" + file.toAbsolutePath(),
                "--management.endpoints.web.exposure.include=refresh,cors");
        this.port = BootLine.webServer(this.context).getPort();
    }

    private void refreshWith(String properties) throws Exception {
        Files.writeString(this.directory.resolve("cors.properties"), properties);
        HttpResponse<String> response = ReloadTestApplication.send(this.port, "POST", "/actuator/refresh");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Tells the application that a property changed, as Spring Cloud Bus and other tools may about any property. */
    private void announceChanged(String key) {
        this.context.publishEvent(new EnvironmentChangeEvent(this.context, Set.of(key)));
    }

    private static int occurrences(CapturedOutput output, String text) {
        return output.getOut().split(Pattern.quote(text), -1).length - 1;
    }

    private CorsEndpoint endpoint() {
        return this.context.getBean(CorsEndpoint.class);
    }

    private PolicySnapshotHolder holder() {
        return this.context.getBean(PolicySnapshotHolder.class);
    }

    private HttpResponse<String> get(String path, String origin) throws Exception {
        return ReloadTestApplication.send(this.port, "GET", path, "Origin", origin);
    }

    private String allowOrigin(String path, String origin) throws Exception {
        return get(path, origin).headers().firstValue("Access-Control-Allow-Origin").orElse(null);
    }
}
