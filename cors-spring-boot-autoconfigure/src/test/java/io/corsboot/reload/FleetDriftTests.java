package io.corsboot.reload;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

import io.corsboot.testing.BootLine;

/**
 * Instances that share one configuration file, each refreshed on its own, as Prometheus and the info endpoint show
 * them on real servers.
 */
class FleetDriftTests {

    private static final Pattern GAUGE = Pattern
        .compile("^cors_policies\\{fingerprint=\"([0-9a-f]+)\",state=\"(\\w+)\",?} (\\S+)$", Pattern.MULTILINE);

    private static final String V1 = """
            cors.policies.api.paths=/api/**
            cors.policies.api.allowed-origins=https://a.example.com
            """;

    private static final String V2 = V1 + """
            cors.policies.admin.paths=/admin/**
            cors.policies.admin.allowed-origins=https://a.example.com
            """;

    private static final String REFUSED = V2.replace("admin.allowed-origins=https://a.example.com",
            "admin.allowed-origins=https://a.example.com/");

    @TempDir
    private Path directory;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        this.contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void anInstanceShowsOneGaugeWhateverTheRefreshes() throws Exception {
        write(V1);
        int instance = start();
        Shown first = scrape(instance);
        assertThat(first).isEqualTo(new Shown(first.fingerprint(), "applied", "1.0"));
        assertThat(info(instance)).containsExactly(Map.entry("fingerprint", first.fingerprint()),
                Map.entry("policies", 1), Map.entry("refused", false), Map.entry("pendingSuppliers", List.of()));

        write(V2);
        refresh(instance);
        Shown second = scrape(instance);
        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(second).isEqualTo(new Shown(second.fingerprint(), "applied", "2.0"));

        write(REFUSED);
        refresh(instance);
        assertThat(scrape(instance)).isEqualTo(new Shown(second.fingerprint(), "refused", "2.0"));
        assertThat(info(instance)).containsExactly(Map.entry("fingerprint", second.fingerprint()),
                Map.entry("policies", 2), Map.entry("refused", true), Map.entry("pendingSuppliers", List.of()));
    }

    @Test
    void instancesSharingAConfigurationShowItsDriftUntilEachHasRefreshed() throws Exception {
        write(V1);
        List<Integer> instances = List.of(start(), start(), start());
        String before = fingerprints(instances).get(0);
        assertThat(fingerprints(instances)).containsOnly(before);

        write(V2);
        refresh(instances.get(0));
        refresh(instances.get(1));
        List<String> drifting = fingerprints(instances);
        String after = drifting.get(0);
        assertThat(after).isNotEqualTo(before);
        assertThat(drifting).containsExactly(after, after, before);

        refresh(instances.get(2));
        assertThat(fingerprints(instances)).containsOnly(after);
    }

    private void write(String properties) throws Exception {
        Files.writeString(this.directory.resolve("cors.properties"), properties);
    }

    private int start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReloadTestApplication.class).run(
                "--server.port=0",
                "--spring.config.import=file:" + this.directory.resolve("cors.properties").toAbsolutePath(),
                "--management.endpoints.web.exposure.include=refresh,prometheus,info");
        this.contexts.add(context);
        return BootLine.webServer(context).getPort();
    }

    private static void refresh(int port) throws Exception {
        HttpResponse<String> response = ReloadTestApplication.send(port, "POST", "/actuator/refresh");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<String> fingerprints(List<Integer> instances) throws Exception {
        List<String> fingerprints = new ArrayList<>();
        for (int instance : instances) {
            fingerprints.add(scrape(instance).fingerprint());
        }
        return fingerprints;
    }

    /** The one {@code cors_policies} sample of an instance's scrape. */
    private static Shown scrape(int port) throws Exception {
        HttpResponse<String> response = ReloadTestApplication.send(port, "GET", "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher matcher = GAUGE.matcher(response.body());
        List<Shown> samples = new ArrayList<>();
        while (matcher.find()) {
            samples.add(new Shown(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        assertThat(response.body().lines().filter((line) -> line.startsWith("cors_policies")))
            .as("the cors_policies samples of one instance")
            .hasSize(1);
        return samples.get(0);
    }

    private static Map<String, Object> info(int port) throws Exception {
        HttpResponse<String> response = ReloadTestApplication.send(port, "GET", "/actuator/info");
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.cors");
    }

    record Shown(String fingerprint, String state, String value) {
    }
}
