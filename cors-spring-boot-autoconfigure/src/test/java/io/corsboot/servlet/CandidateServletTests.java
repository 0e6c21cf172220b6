package io.corsboot.servlet;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.corsboot.reload.ReloadTestApplication;
import io.corsboot.testing.CorsCase;
import io.corsboot.testing.CorsCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Candidates on the servlet stack: every shared case gets the same response with and without candidates, and the
 * disagreements are counted and reported.
 */
@ExtendWith(OutputCaptureExtension.class)
class CandidateServletTests {

    /** Stricter candidates: partner-api without its patterns and with fewer methods, public for one origin. */
    private static final String[] CANDIDATES = {
            "cors.policies.partner-api.candidate.allowed-origins=https://app.example.com",
            "cors.policies.partner-api.candidate.allowed-origin-patterns=",
            "cors.policies.partner-api.candidate.allowed-methods=GET,POST",
            "cors.policies.public.candidate.allowed-origins=https://anyone.net" };

    private static ConfigurableApplicationContext plain;

    private static ConfigurableApplicationContext withCandidates;

    @BeforeAll
    static void start() {
        plain = start(CorsCases.PROPERTIES);
        withCandidates = start(Stream.concat(Stream.of(CorsCases.PROPERTIES), Stream.of(CANDIDATES))
            .toArray(String[]::new));
    }

    @AfterAll
    static void close() {
        plain.close();
        withCandidates.close();
    }

    static Stream<CorsCase> cases() {
        return CorsCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void candidatesNeverChangeAResponse(CorsCase c) throws Exception {
        assertThat(answer(withCandidates, c)).isEqualTo(answer(plain, c));
    }

    @Test
    void disagreementsAreCountedWithBothVerdictsAndTheCandidatesReason(CapturedOutput output) throws Exception {
        MeterRegistry registry = withCandidates.getBean(MeterRegistry.class);
        double origins = count(registry, "partner-api", "allowed", "rejected", "ORIGIN_NOT_ALLOWED");
        double methods = count(registry, "partner-api", "allowed", "rejected", "METHOD_NOT_ALLOWED");
        int port = port(withCandidates);
        HttpResponse<String> response = ReloadTestApplication.send(port, "OPTIONS", "/api/orders", "Origin",
                "https://shop.example.com", "Access-Control-Request-Method", "GET");
        assertThat(response.statusCode()).isEqualTo(200);
        ReloadTestApplication.send(port, "PUT", "/api/orders", "Origin", "https://app.example.com");
        assertThat(count(registry, "partner-api", "allowed", "rejected", "ORIGIN_NOT_ALLOWED")).isEqualTo(origins + 1);
        assertThat(count(registry, "partner-api", "allowed", "rejected", "METHOD_NOT_ALLOWED")).isEqualTo(methods + 1);
        assertThat(output).contains("The candidate of CORS policy 'partner-api' disagreed with the policy");
    }

    private static double count(MeterRegistry registry, String policy, String enforced, String candidate,
            String reason) {
        var counter = registry.find("cors.candidate").tag("policy", policy).tag("enforced", enforced)
            .tag("candidate", candidate).tag("reason", reason).counter();
        return (counter != null) ? counter.count() : 0;
    }

    /** The status, the headers but Date, and the body. */
    private static String answer(ConfigurableApplicationContext context, CorsCase c) throws Exception {
        int port = port(context);
        List<String> headers = new ArrayList<>();
        c.request().headers().forEach((name, value) -> {
            headers.add(name);
            headers.add(value.replace(CorsCase.SELF, "http://localhost:" + port));
        });
        HttpResponse<String> response = ReloadTestApplication.send(port, c.request().method(), c.request().path(),
                headers.toArray(String[]::new));
        Map<String, List<String>> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        received.putAll(response.headers().map());
        received.remove("Date");
        return response.statusCode() + " " + received + " " + response.body();
    }

    private static ConfigurableApplicationContext start(String[] properties) {
        String[] arguments = Stream.concat(Stream.of("--server.port=0"), Stream.of(properties).map((p) -> "--" + p))
            .toArray(String[]::new);
        return new SpringApplicationBuilder(ReloadTestApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
