package io.corsboot.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.core.env.Environment;

import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator endpoints: on the main port a policy covering {@code /actuator/**} decides for them as for any path; on a
 * separate management port the filter does not run, on either stack, and Spring Boot's
 * {@code management.endpoints.web.cors.*} apply there as without the starter.
 */
class ActuatorEndToEndTests {

    private static final String OPS = "https://ops.example.com";

    private static final String EVIL = "https://evil.example.net";

    private static final String MONITOR = "https://monitor.example.com";

    private static final String[] PROPERTIES = { "cors.policies.ops.paths=/actuator/**",
            "cors.policies.ops.allowed-origins=" + OPS, "management.endpoints.web.exposure.include=health" };

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void aPolicyCoveringActuatorDecidesForItsEndpointsOnTheMainPort(Stack stack) {
        try (TestServer server = TestServer.start(stack, PROPERTIES)) {
            assertDecidedOnTheMainPort(server);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void onTheMainPortSpringBootsOwnActuatorCorsSettingsNoLongerApplyWhereAPolicyCoversActuator(Stack stack) {
        try (TestServer server = TestServer.start(stack, PROPERTIES[0], PROPERTIES[1], PROPERTIES[2],
                "management.endpoints.web.cors.allowed-origins=" + MONITOR,
                "management.endpoints.web.cors.allowed-methods=GET")) {
            Exchange monitor = server.send("GET", "/actuator/health", Map.of("Origin", MONITOR));
            assertThat(monitor.status()).isEqualTo(403);
            assertThat(monitor.lines("Access-Control-Allow-Origin")).isEmpty();
            Exchange ops = server.send("GET", "/actuator/health", Map.of("Origin", OPS));
            assertThat(ops.status()).isEqualTo(200);
            assertThat(ops.lines("Access-Control-Allow-Origin")).containsExactly(OPS);
            assertThat(ops.tokens("Vary")).containsExactly("Origin");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void theFilterDoesNotRunOnASeparateManagementPortAndStillDecidesOnTheMainPort(Stack stack) throws Exception {
        try (TestServer server = TestServer.start(stack, PROPERTIES[0], PROPERTIES[1], PROPERTIES[2],
                "management.server.port=0")) {
            int managementPort = server.bean(Environment.class).getRequiredProperty("local.management.port",
                    Integer.class);
            assertThat(managementPort).isNotEqualTo(server.port());
            for (String origin : new String[] { OPS, EVIL }) {
                HttpResponse<String> response = getHealth(managementPort, origin);
                assertThat(response.statusCode()).as(origin).isEqualTo(200);
                assertThat(response.headers().map().keySet()).as(origin)
                    .noneMatch((name) -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
                assertThat(response.headers().allValues("Vary").stream()
                    .flatMap((line) -> Arrays.stream(line.split(",")))
                    .map(String::strip)).as(origin).noneMatch("Origin"::equalsIgnoreCase);
            }
            assertDecidedOnTheMainPort(server);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void springBootsOwnActuatorCorsSettingsApplyOnASeparateManagementPort(Stack stack) throws Exception {
        try (TestServer server = TestServer.start(stack, PROPERTIES[0], PROPERTIES[1], PROPERTIES[2],
                "management.server.port=0", "management.endpoints.web.cors.allowed-origins=" + MONITOR,
                "management.endpoints.web.cors.allowed-methods=GET")) {
            int managementPort = server.bean(Environment.class).getRequiredProperty("local.management.port",
                    Integer.class);
            HttpResponse<String> monitor = getHealth(managementPort, MONITOR);
            assertThat(monitor.statusCode()).isEqualTo(200);
            assertThat(monitor.headers().allValues("Access-Control-Allow-Origin")).containsExactly(MONITOR);
            assertThat(getHealth(managementPort, OPS).statusCode()).isEqualTo(403);

            assertThat(server.send("GET", "/actuator/health", Map.of("Origin", MONITOR)).status()).isEqualTo(403);
        }
    }

    private static void assertDecidedOnTheMainPort(TestServer server) {
        Exchange allowed = server.send("GET", "/actuator/health", Map.of("Origin", OPS));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.lines("Access-Control-Allow-Origin")).containsExactly(OPS);
        assertThat(allowed.tokens("Vary")).contains("Origin");

        Exchange rejected = server.send("GET", "/actuator/health", Map.of("Origin", EVIL));
        assertThat(rejected.status()).isEqualTo(403);
        assertThat(rejected.lines("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpResponse<String> getHealth(int port, String origin) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .header("Origin", origin)
            .build();
        return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
    }
}
