package io.corsboot.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.core.env.Environment;

import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator endpoints: on the main port a policy covering {@code /actuator/**} decides for them as for any path. On a
 * separate management port the servlet filter does not run, while on WebFlux the same policies decide there too.
 */
class ActuatorEndToEndTests {

    private static final String OPS = "https://ops.example.com";

    private static final String[] PROPERTIES = { "cors.policies.ops.paths=/actuator/**",
            "cors.policies.ops.allowed-origins=" + OPS, "management.endpoints.web.exposure.include=health" };

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void aPolicyCoveringActuatorDecidesForItsEndpointsOnTheMainPort(Stack stack) {
        try (TestServer server = TestServer.start(stack, PROPERTIES)) {
            Exchange allowed = server.send("GET", "/actuator/health", Map.of("Origin", OPS));
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.lines("Access-Control-Allow-Origin")).containsExactly(OPS);

            Exchange rejected = server.send("GET", "/actuator/health", Map.of("Origin", "https://evil.example.net"));
            assertThat(rejected.status()).isEqualTo(403);
            assertThat(rejected.lines("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void onSpringMvcTheFilterDoesNotRunOnASeparateManagementPort() throws Exception {
        HttpResponse<String> response = fromEvilOnTheManagementPort(Stack.MVC);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().allValues("Vary")).doesNotContain("Origin");
    }

    // Boot's reactive management context takes its WebFilters from the application context as well.
    @Test
    void onWebFluxTheSamePoliciesDecideOnASeparateManagementPort() throws Exception {
        HttpResponse<String> response = fromEvilOnTheManagementPort(Stack.WEBFLUX);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpResponse<String> fromEvilOnTheManagementPort(Stack stack) throws Exception {
        String[] properties = { PROPERTIES[0], PROPERTIES[1], PROPERTIES[2], "management.server.port=0" };
        try (TestServer server = TestServer.start(stack, properties)) {
            String port = server.bean(Environment.class).getProperty("local.management.port");
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .header("Origin", "https://evil.example.net")
                .build();
            return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
        }
    }
}
