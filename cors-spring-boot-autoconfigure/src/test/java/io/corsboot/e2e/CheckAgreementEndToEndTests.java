package io.corsboot.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.corsboot.core.Reason;
import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.BootLine;
import io.corsboot.testing.CorsCase;
import io.corsboot.testing.CorsCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's {@code check} and the filters agree: every case of the shared table that check's parameters can
 * express is asked of check and sent for real to the same server, and the verdict and the CORS headers are the same,
 * on every server.
 */
class CheckAgreementEndToEndTests {

    private static final String ORIGIN = "Origin";

    private static final String REQUEST_METHOD = "Access-Control-Request-Method";

    private static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

    private static final String REQUEST_PRIVATE_NETWORK = "Access-Control-Request-Private-Network";

    // Fetch, "CORS-safelisted method": a browser preflights any other cross-origin method.
    private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

    private static final Set<Reason> REJECTIONS = EnumSet.of(Reason.ORIGIN_NOT_ALLOWED, Reason.METHOD_NOT_ALLOWED,
            Reason.HEADERS_NOT_ALLOWED);

    private static final Map<Stack, TestServer> servers = new EnumMap<>(Stack.class);

    @BeforeAll
    static void startServers() {
        List<String> properties = new ArrayList<>(List.of(CorsCases.PROPERTIES));
        properties.add("management.endpoints.web.exposure.include=cors");
        for (Stack stack : Stack.UNSECURED) {
            servers.put(stack, TestServer.start(stack, properties.toArray(new String[0])));
        }
    }

    @AfterAll
    static void stopServers() {
        servers.values().forEach(TestServer::close);
        servers.clear();
    }

    static Stream<Arguments> serversAndExpressibleCases() {
        return Stack.UNSECURED.stream()
            .flatMap((stack) -> CorsCases.all().filter((c) -> parameters(c) != null).map((c) -> Arguments.of(stack, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("serversAndExpressibleCases")
    void checkGivesTheVerdictAndHeadersOfTheFilter(Stack stack, CorsCase c) {
        TestServer server = servers.get(stack);
        Exchange check = check(server, parameters(c));
        Exchange actual = server.send(c.request().method(), c.request().path(), c.request().headers());
        if (check.status() == 400) {
            // What check refuses to parse, no browser sends, and the filter refuses too.
            assertThat(actual.status()).as("status").isEqualTo(403);
            assertThat(actual.lines("Access-Control-Allow-Origin")).as("Access-Control-Allow-Origin").isEmpty();
            return;
        }
        Map<String, Object> answer = BootLine.jsonObject(check.response().body());
        Reason reason = Reason.valueOf((String) answer.get("reason"));
        boolean allowed = (Boolean) answer.get("allowed");
        boolean preflight = (Boolean) answer.get("preflight");
        @SuppressWarnings("unchecked")
        Map<String, String> responseHeaders = (Map<String, String>) answer.get("responseHeaders");
        boolean rejected = REJECTIONS.contains(reason);
        boolean answeredByFilter = rejected || (allowed && preflight);

        assertThat(preflight).as("preflight").isEqualTo(isPreflight(c));
        if (reason == Reason.NO_POLICY) {
            // The filter writes nothing where no policy covers the path: the application's own CORS answers there.
            assertThat(responseHeaders).as("responseHeaders").isEmpty();
            assertThat(actual.decisions()).as("decisions of a policy").isZero();
            return;
        }
        assertThat(actual.status() == 403 && !actual.handlerCalled()).as("rejected").isEqualTo(rejected);
        // A public policy's GET gets Access-Control-Allow-Origin whatever its verdict, even without Origin.
        assertThat(actual.lines("Access-Control-Allow-Origin").isEmpty()).as("allowed")
            .isEqualTo(!allowed && !responseHeaders.containsKey("Access-Control-Allow-Origin"));
        if (answeredByFilter) {
            assertThat(actual.handlerCalled()).as("handler called").isFalse();
        }
        else if (answer.get("policy") != null) {
            assertThat(actual.handlerCalled()).as("handler called").isTrue();
        }

        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(responseHeaders);
        List<String> vary = (headers.containsKey("Vary")) ? List.of(headers.remove("Vary").split(", ")) : List.of();
        assertThat(accessControlHeaders(actual)).as("Access-Control-* and CORS-Rejection-Reason headers")
            .isEqualTo(headers);
        // The filter writes its Vary first; the application may add tokens after them when it runs.
        if (answeredByFilter) {
            assertThat(actual.tokens("Vary")).as("Vary").isEqualTo(vary);
        }
        else if (!vary.isEmpty()) {
            assertThat(actual.tokens("Vary")).as("Vary").startsWith(vary.toArray(new String[0]));
        }
    }

    @Test
    void theCasesCheckCanExpressGiveEveryReason() {
        TestServer server = servers.get(Stack.MVC);
        Set<Reason> reasons = CorsCases.all()
            .map(CheckAgreementEndToEndTests::parameters)
            .filter((parameters) -> parameters != null)
            .map((parameters) -> check(server, parameters))
            .filter((check) -> check.status() == 200)
            .map((check) -> Reason.valueOf((String) BootLine.jsonObject(check.response().body()).get("reason")))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));
        assertThat(reasons).containsExactlyInAnyOrder(Reason.values());
    }

    private static Exchange check(TestServer server, @Nullable Map<String, String> parameters) {
        assertThat(parameters).isNotNull();
        String query = parameters.entrySet()
            .stream()
            .map((e) -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue().replace(CorsCase.SELF, server.origin()), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return server.send("GET", "/actuator/cors/check?" + query, Map.of());
    }

    /**
     * The check parameters for which a browser sends exactly the case's request, or null: a case with another
     * header (such as {@code Sec-Fetch-Mode}), a preflight no browser would send, or a cross-origin request a browser
     * would preflight first.
     */
    static @Nullable Map<String, String> parameters(CorsCase c) {
        Map<String, String> headers = c.request().headers();
        if (!Set.of(ORIGIN, REQUEST_METHOD, REQUEST_HEADERS, REQUEST_PRIVATE_NETWORK).containsAll(headers.keySet())) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("path", c.request().path());
        String origin = headers.get(ORIGIN);
        if (origin != null) {
            parameters.put("origin", origin);
        }
        if (isPreflight(c)) {
            String method = headers.get(REQUEST_METHOD);
            String names = headers.get(REQUEST_HEADERS);
            String privateNetwork = headers.get(REQUEST_PRIVATE_NETWORK);
            boolean asked = names != null || privateNetwork != null || !SAFELISTED_METHODS.contains(method);
            if (!asked || (names != null && !names.equals(browserForm(names)))
                    || (privateNetwork != null && !"true".equals(privateNetwork))) {
                return null;
            }
            parameters.put("method", method);
            if (names != null) {
                parameters.put("headers", names);
            }
            if (privateNetwork != null) {
                parameters.put("privateNetwork", "true");
            }
            return parameters;
        }
        boolean crossOrigin = origin != null && !CorsCase.SELF.equals(origin);
        if (headers.size() > ((origin != null) ? 1 : 0)
                || (crossOrigin && !SAFELISTED_METHODS.contains(c.request().method()))) {
            return null;
        }
        parameters.put("method", c.request().method());
        return parameters;
    }

    private static boolean isPreflight(CorsCase c) {
        Map<String, String> headers = c.request().headers();
        return "OPTIONS".equals(c.request().method()) && headers.containsKey(ORIGIN)
                && headers.containsKey(REQUEST_METHOD);
    }

    // Browsers name the headers in lower case, sorted, once, comma-separated (Fetch, "CORS-unsafe request-header
    // names").
    private static String browserForm(String names) {
        return Arrays.stream(names.split(","))
            .map((name) -> name.strip().toLowerCase(Locale.ROOT))
            .filter((name) -> !name.isEmpty())
            .distinct()
            .sorted()
            .collect(Collectors.joining(","));
    }

    // The Access-Control-* headers, and the reason of a rejection.
    private static Map<String, String> accessControlHeaders(Exchange exchange) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.response().headers().map().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (lowerCase.startsWith("access-control-") || lowerCase.equals("cors-rejection-reason")) {
                headers.put(name, String.join(", ", values));
            }
        });
        return headers;
    }
}
