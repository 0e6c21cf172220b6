package io.corsboot.e2e;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.CorsCase;
import io.corsboot.testing.CorsCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Candidates on both stacks: every shared case gets the same response with and without candidates, and each
 * disagreement is counted in {@code cors.candidate} and reported.
 */
@ExtendWith(OutputCaptureExtension.class)
class CandidateEndToEndTests {

    /** Stricter candidates: partner-api without its patterns and with fewer methods, public for one origin. */
    private static final String[] CANDIDATES = {
            "cors.policies.partner-api.candidate.allowed-origins=https://app.example.com",
            "cors.policies.partner-api.candidate.allowed-origin-patterns=",
            "cors.policies.partner-api.candidate.allowed-methods=GET,POST",
            "cors.policies.public.candidate.allowed-origins=https://anyone.net",
            "management.endpoints.web.exposure.include=metrics" };

    private static final Pattern COUNT = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.]+)");

    private static final Map<Stack, TestServer> plain = new EnumMap<>(Stack.class);

    private static final Map<Stack, TestServer> withCandidates = new EnumMap<>(Stack.class);

    @BeforeAll
    static void startServers() {
        for (Stack stack : List.of(Stack.MVC, Stack.WEBFLUX)) {
            plain.put(stack, TestServer.start(stack, CorsCases.PROPERTIES));
            withCandidates.put(stack, TestServer.start(stack,
                    Stream.concat(Stream.of(CorsCases.PROPERTIES), Stream.of(CANDIDATES)).toArray(String[]::new)));
        }
    }

    @AfterAll
    static void stopServers() {
        plain.values().forEach(TestServer::close);
        withCandidates.values().forEach(TestServer::close);
        plain.clear();
        withCandidates.clear();
    }

    static Stream<Arguments> stacksAndCases() {
        return Stream.of(Stack.MVC, Stack.WEBFLUX).flatMap((stack) -> CorsCases.all().map((c) -> Arguments.of(stack, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("stacksAndCases")
    void candidatesNeverChangeAResponse(Stack stack, CorsCase c) {
        assertThat(answer(withCandidates.get(stack), c)).isEqualTo(answer(plain.get(stack), c));
    }

    @ParameterizedTest
    @EnumSource(names = { "MVC", "WEBFLUX" })
    void disagreementsAreCountedWithBothVerdictsAndTheCandidatesReason(Stack stack, CapturedOutput output) {
        TestServer server = withCandidates.get(stack);
        double origins = count(server, "ORIGIN_NOT_ALLOWED");
        double methods = count(server, "METHOD_NOT_ALLOWED");
        Exchange preflight = server.send("OPTIONS", "/api/orders", Map.of("Origin", "https://shop.example.com",
                "Access-Control-Request-Method", "GET"));
        assertThat(preflight.status()).isEqualTo(200);
        Exchange put = server.send("PUT", "/api/orders", Map.of("Origin", "https://app.example.com"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(count(server, "ORIGIN_NOT_ALLOWED")).isEqualTo(origins + 1);
        assertThat(count(server, "METHOD_NOT_ALLOWED")).isEqualTo(methods + 1);
        assertThat(output).contains("The candidate of CORS policy 'partner-api' disagreed with the policy");
    }

    /** The cors.candidate count of partner-api's requests that the policy allowed and its candidate rejected. */
    private static double count(TestServer server, String reason) {
        Exchange metric = server.send("GET", "/actuator/metrics/cors.candidate?tag=policy:partner-api"
                + "&tag=enforced:allowed&tag=candidate:rejected&tag=reason:" + reason, Map.of());
        if (metric.status() == 404) {
            return 0;
        }
        Matcher matcher = COUNT.matcher(metric.response().body());
        assertThat(matcher.find()).as(metric.response().body()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    /**
     * The status, the headers but Date and Content-Length, the body but the error page's timestamp and id, and the
     * handler's call. The length goes with the timestamp, whose digits vary.
     */
    private static String answer(TestServer server, CorsCase c) {
        Exchange exchange = server.send(c.request().method(), c.request().path(), c.request().headers());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.response().headers().map());
        headers.remove("Date");
        headers.remove("Content-Length");
        String body = exchange.response().body().replaceAll("\"(timestamp|requestId)\":\"[^\"]*\"", "");
        return exchange.status() + " " + headers + " " + body + " handler called: "
                + exchange.handlerCalled();
    }
}
