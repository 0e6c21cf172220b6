package io.corsboot.gateway;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.corsboot.gateway.GatewayServer.Server;

import static io.corsboot.gateway.GatewayServer.APP;
import static io.corsboot.gateway.GatewayServer.GLOBAL_ORIGIN;
import static io.corsboot.gateway.GatewayServer.ROUTE_ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real gateway in front of a real service that writes its own, wrong CORS headers, on both gateway servers: on a
 * covered path the client receives the policy's {@code Access-Control-*} headers alone, once each, and refused
 * requests and preflights never reach the service; on any other path the service's headers pass untouched.
 */
class GatewayEndToEndTests {

    private static final Map<String, List<String>> ALLOWED_ACTUAL = Map.of(
            "access-control-allow-origin", List.of(APP),
            "access-control-allow-credentials", List.of("true"),
            "access-control-expose-headers", List.of("X-Request-Id"));

    private static RoutedService service;

    private static final Map<Server, GatewayServer> gateways = new EnumMap<>(Server.class);

    @BeforeAll
    static void start() {
        service = RoutedService.start();
        for (Server server : Server.values()) {
            gateways.put(server, GatewayServer.start(server, service));
        }
    }

    @AfterAll
    static void stop() {
        gateways.values().forEach(GatewayServer::close);
        gateways.clear();
        service.close();
    }

    @ParameterizedTest
    @EnumSource
    void anAllowedPreflightIsAnsweredAtTheGatewayAndNeverForwarded(Server server) {
        int hits = service.hits();
        HttpResponse<String> response = send(server, "OPTIONS", "/api/orders", "Origin", APP,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(accessControl(response)).isEqualTo(Map.of(
                "access-control-allow-origin", List.of(APP),
                "access-control-allow-credentials", List.of("true"),
                "access-control-allow-methods", List.of("GET, POST, PUT, HEAD"),
                "access-control-allow-headers", List.of("Content-Type"),
                "access-control-max-age", List.of("600")));
        assertThat(tokens(response, "Vary"))
            .containsExactly("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");
        assertThat(response.body()).isEmpty();
        assertThat(service.hits()).isEqualTo(hits);
    }

    @ParameterizedTest
    @EnumSource
    void anAllowedRequestCarriesThePolicysHeadersAloneAndTheServicesVary(Server server) {
        int hits = service.hits();
        HttpResponse<String> response = send(server, "GET", "/api/orders", "Origin", APP);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Service")).containsExactly("answered");
        assertThat(accessControl(response)).isEqualTo(ALLOWED_ACTUAL);
        assertThat(tokens(response, "Vary")).containsExactly("Origin", "Accept-Encoding");
        assertThat(service.hits()).isEqualTo(hits + 1);
    }

    @ParameterizedTest
    @EnumSource
    void aRefusedOriginNeverReachesTheService(Server server) {
        int hits = service.hits();
        HttpResponse<String> response = send(server, "GET", "/api/orders", "Origin", "https://evil.example");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(accessControl(response)).isEmpty();
        assertThat(tokens(response, "Vary")).containsExactly("Origin");
        assertThat(service.hits()).isEqualTo(hits);
    }

    @ParameterizedTest
    @EnumSource
    void aServiceErrorCarriesThePolicysHeadersAlone(Server server) {
        int hits = service.hits();
        HttpResponse<String> response = send(server, "GET", "/api/orders/fail", "Origin", APP);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(accessControl(response)).isEqualTo(ALLOWED_ACTUAL);
        assertThat(tokens(response, "Vary")).containsExactly("Origin", "Accept-Encoding");
        assertThat(service.hits()).isEqualTo(hits + 1);
    }

    @ParameterizedTest
    @EnumSource
    void aServiceThatIsDownGetsTheGatewaysErrorWithThePolicysHeaders(Server server) {
        HttpResponse<String> response = send(server, "GET", "/down/orders", "Origin", APP);
        // Both gateway servers answer a refused connection with 500.
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(accessControl(response)).isEqualTo(ALLOWED_ACTUAL);
        assertThat(tokens(response, "Vary")).containsExactly("Origin");
    }

    @ParameterizedTest
    @EnumSource
    void onAPathNoPolicyCoversTheServicesHeadersPassUntouched(Server server) {
        int hits = service.hits();
        HttpResponse<String> response = send(server, "GET", "/other/orders", "Origin", APP);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(accessControl(response)).isEqualTo(Map.of(
                "access-control-allow-origin", List.of(RoutedService.ANY_ORIGIN, RoutedService.OTHER_ORIGIN),
                "access-control-allow-credentials", List.of("true"),
                "access-control-expose-headers", List.of("X-Secret")));
        assertThat(tokens(response, "Vary")).containsExactly("Accept-Encoding");
        assertThat(service.hits()).isEqualTo(hits + 1);
    }

    @ParameterizedTest
    @EnumSource
    void globalCorsStepsAsideOnACoveredPath(Server server) {
        assertRefusedByThePolicy(send(server, "OPTIONS", "/api/orders", "Origin", GLOBAL_ORIGIN,
                "Access-Control-Request-Method", "GET"));
        HttpResponse<String> response = send(server, "GET", "/api/orders", "Origin", APP);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(accessControl(response)).isEqualTo(ALLOWED_ACTUAL);
        assertThat(tokens(response, "Vary")).containsExactly("Origin", "Accept-Encoding");
    }

    @Test
    void routeMetadataCorsStepsAsideOnACoveredPath() {
        assertRefusedByThePolicy(send(Server.WEBFLUX, "OPTIONS", "/api/meta/orders", "Origin", ROUTE_ORIGIN,
                "Access-Control-Request-Method", "GET"));
        HttpResponse<String> response = send(Server.WEBFLUX, "GET", "/api/meta/orders", "Origin", APP);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(accessControl(response)).isEqualTo(ALLOWED_ACTUAL);
    }

    @ParameterizedTest
    @EnumSource
    void globalCorsAnswersOnAPathNoPolicyCovers(Server server) {
        int hits = service.hits();
        HttpResponse<String> preflight = send(server, "OPTIONS", "/global/orders", "Origin", GLOBAL_ORIGIN,
                "Access-Control-Request-Method", "PUT");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().allValues("Access-Control-Allow-Origin")).containsExactly(GLOBAL_ORIGIN);
        assertThat(preflight.headers().allValues("Access-Control-Allow-Methods")).containsExactly("GET,PUT");
        HttpResponse<String> refused = send(server, "GET", "/global/orders", "Origin", "https://evil.example");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("ORIGIN_NOT_ALLOWED");
        assertThat(service.hits()).isEqualTo(hits);
    }

    @Test
    void routeMetadataCorsAnswersOnAPathNoPolicyCovers() {
        int hits = service.hits();
        HttpResponse<String> preflight = send(Server.WEBFLUX, "OPTIONS", "/meta/orders", "Origin", ROUTE_ORIGIN,
                "Access-Control-Request-Method", "PUT");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ROUTE_ORIGIN);
        assertThat(send(Server.WEBFLUX, "GET", "/meta/orders", "Origin", "https://evil.example").statusCode())
            .isEqualTo(403);
        assertThat(service.hits()).isEqualTo(hits);
    }

    // The policy names its reason in a header; Spring's CORS processor sends its 403 without one.
    private static void assertRefusedByThePolicy(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("CORS-Rejection-Reason")).containsExactly("ORIGIN_NOT_ALLOWED");
        assertThat(response.body()).isEmpty();
        assertThat(accessControl(response)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource
    void aPublicPolicyAnswersEveryGetAlikeWithTheServicesVaryAlone(Server server) {
        for (String[] origin : List.of(new String[] { "Origin", "https://anyone.example" },
                new String[] { "Accept", "text/plain" })) {
            HttpResponse<String> response = send(server, "GET", "/public/feed", origin);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(accessControl(response)).isEqualTo(Map.of("access-control-allow-origin", List.of("*")));
            assertThat(tokens(response, "Vary")).containsExactly("Accept-Encoding");
        }
    }

    @ParameterizedTest
    @EnumSource
    void aPolicyForTheGatewaysHostComesBeforeOneForAnotherHost(Server server) {
        HttpResponse<String> here = send(server, "GET", "/edge/orders", "Origin", GatewayServer.HERE_ORIGIN);
        assertThat(here.statusCode()).isEqualTo(200);
        assertThat(accessControl(here))
            .isEqualTo(Map.of("access-control-allow-origin", List.of(GatewayServer.HERE_ORIGIN)));
        int hits = service.hits();
        assertRefusedByThePolicy(send(server, "GET", "/edge/orders", "Origin", GatewayServer.ELSEWHERE_ORIGIN));
        assertThat(service.hits()).isEqualTo(hits);
    }

    private static HttpResponse<String> send(Server server, String method, String path, String... headers) {
        return gateways.get(server).send(method, path, headers);
    }

    /** Every {@code Access-Control-*} header of a response, by its lower-case name, with all its lines. */
    private static Map<String, List<String>> accessControl(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, lines) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                headers.put(name.toLowerCase(Locale.ROOT), lines);
            }
        });
        return headers;
    }

    /** The tokens of a comma-separated header, all lines, in order. */
    private static List<String> tokens(HttpResponse<String> response, String name) {
        return response.headers().allValues(name).stream()
            .flatMap((line) -> Arrays.stream(line.split(",")))
            .map(String::strip)
            .filter((token) -> !token.isEmpty())
            .toList();
    }
}
