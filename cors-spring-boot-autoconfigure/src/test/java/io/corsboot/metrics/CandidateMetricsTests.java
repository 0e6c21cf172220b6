package io.corsboot.metrics;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.testing.TestRequest;
import io.corsboot.web.CorsDecider;
import io.corsboot.web.DecidedRequest;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code cors.candidate} counter: requests on which a candidate and its policy disagree. */
class CandidateMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final CandidateMetrics metrics = new CandidateMetrics(this.registry);

    private final PolicySnapshot snapshot;

    CandidateMetricsTests() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("cors.policies.api.paths", "/api/**");
        environment.setProperty("cors.policies.api.allowed-origins", "https://app.example.com,https://beta.example.com");
        environment.setProperty("cors.policies.api.allowed-methods", "GET");
        environment.setProperty("cors.policies.api.candidate.allowed-origins", "https://app.example.com");
        environment.setProperty("cors.policies.api.candidate.allowed-methods", "GET,DELETE");
        environment.setProperty("cors.policies.plain.paths", "/plain/**");
        environment.setProperty("cors.policies.plain.allowed-origins", "https://app.example.com");
        this.snapshot = new CorsConfigurationLoader().load(environment);
    }

    @Test
    void countsEachDisagreementWithThePolicyBothVerdictsAndTheCandidatesReason() {
        send("/api/orders", "GET", "https://beta.example.com");
        send("/api/orders", "GET", "https://beta.example.com");
        send("/api/orders", "DELETE", "https://app.example.com");
        assertThat(counter("rejected", "ORIGIN_NOT_ALLOWED", "allowed").count()).isEqualTo(2);
        assertThat(counter("allowed", "ALLOWED", "rejected").count()).isEqualTo(1);
    }

    @Test
    void countsNothingWhereTheVerdictsAgree() {
        send("/api/orders", "GET", "https://app.example.com");
        send("/api/orders", "GET", "https://evil.example.net");
        send("/api/orders", "GET", null);
        assertThat(this.registry.find(CandidateMetrics.NAME).counters()).isEmpty();
    }

    @Test
    void countsNothingForAPolicyWithoutACandidate() {
        send("/plain/things", "GET", "https://evil.example.net");
        assertThat(this.registry.find(CandidateMetrics.NAME).counters()).isEmpty();
    }

    private Counter counter(String candidate, String reason, String enforced) {
        return this.registry.get(CandidateMetrics.NAME).tag("policy", "api").tag("enforced", enforced)
            .tag("candidate", candidate).tag("reason", reason).counter();
    }

    private void send(String path, String method, String origin) {
        TestRequest request = new TestRequest(method, (origin != null) ? Map.of("Origin", origin) : Map.of());
        new CorsDecider(new PolicySnapshotHolder(this.snapshot), List.of(this.metrics)).decide(path, null, request,
                DecidedRequest::of);
    }
}
