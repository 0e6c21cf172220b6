package io.corsboot.web;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.Decision;
import io.corsboot.core.Reason;
import io.corsboot.testing.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The INFO report of a candidate's disagreements: at most one line a minute per policy. */
@ExtendWith(OutputCaptureExtension.class)
class CandidateReportTests {

    private static final String REPORT = "The candidate of CORS policy 'api'";

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));

    private final CandidateReport report = new CandidateReport(this.now::get);

    private final PolicySnapshot snapshot;

    CandidateReportTests() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("cors.policies.api.paths", "/api/**");
        environment.setProperty("cors.policies.api.allowed-origins", "https://app.example.com,https://beta.example.com");
        environment.setProperty("cors.policies.api.candidate.allowed-origins", "https://app.example.com");
        this.snapshot = new CorsConfigurationLoader().load(environment);
    }

    @Test
    void reportsTheFirstDisagreementAtOnceWithItsOrigin(CapturedOutput output) {
        send("https://beta.example.com");
        assertThat(output).contains(REPORT + " disagreed with the policy on 1 request since the last report, "
                + "such as one from origin \"https://beta.example.com\": the policy allowed it, the candidate "
                + "rejected it (ORIGIN_NOT_ALLOWED).");
    }

    @Test
    void reportsAtMostOnceAMinuteWithTheNumberOfDisagreements(CapturedOutput output) {
        send("https://beta.example.com");
        for (int i = 0; i < 5; i++) {
            this.now.addAndGet(TimeUnit.SECONDS.toNanos(10));
            send("https://beta.example.com");
        }
        assertThat(lines(output)).isEqualTo(1);
        this.now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        send("https://beta.example.com");
        assertThat(lines(output)).isEqualTo(2);
        assertThat(output).contains("disagreed with the policy on 6 requests since the last report");
    }

    @Test
    void saysNothingWhereTheVerdictsAgree(CapturedOutput output) {
        send("https://app.example.com");
        send("https://evil.example.net");
        assertThat(lines(output)).isZero();
    }

    @Test
    void showsTheSampleOriginWithoutControlCharacters(CapturedOutput output) {
        CompiledPolicy policy = this.snapshot.routes().policyFor(PathContainer.parsePath("/api/orders"));
        Decision allowed = policy.decision(Decision.Kind.ACTUAL, Reason.ALLOWED);
        Decision rejected = policy.candidate().decision(Decision.Kind.ACTUAL, Reason.ORIGIN_NOT_ALLOWED);
        this.report.onDecision(allowed, rejected,
                new TestRequest("GET", Map.of("Origin", "https://x.example.com\r\nINFO forged line")));
        assertThat(output).contains("origin \"https://x.example.com??INFO forged line\"");
    }

    private void send(String origin) {
        TestRequest request = new TestRequest("GET", Map.of("Origin", origin));
        CompiledPolicy policy = this.snapshot.routes().policyFor(PathContainer.parsePath("/api/orders"));
        this.report.onDecision(policy.decide(request), policy.candidate().decide(request), request);
    }

    private static long lines(CapturedOutput output) {
        return output.getOut().lines().filter((line) -> line.contains(REPORT)).count();
    }
}
