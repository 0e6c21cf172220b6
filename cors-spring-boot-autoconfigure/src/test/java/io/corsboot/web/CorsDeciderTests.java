package io.corsboot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.Decision;
import io.corsboot.core.Reason;
import io.corsboot.testing.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The one way to a decision: the policy that covers the path decides, its candidate too, and the listeners hear. */
class CorsDeciderTests {

    private static final TestRequest FROM_BETA = new TestRequest("GET", Map.of("Origin", "https://beta.example.com"));

    private final List<@Nullable Decision> heard = new ArrayList<>();

    private final PolicySnapshotHolder holder;

    private final CorsDecider decider;

    CorsDeciderTests() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("cors.policies.api.paths", "/api/**");
        environment.setProperty("cors.policies.api.allowed-origins", "https://app.example.com,https://beta.example.com");
        environment.setProperty("cors.policies.api.candidate.allowed-origins", "https://app.example.com");
        environment.setProperty("cors.policies.orders.paths", "/api/orders/{id}");
        environment.setProperty("cors.policies.orders.allowed-origins", "https://app.example.com");
        this.holder = new PolicySnapshotHolder(new CorsConfigurationLoader().load(environment));
        this.decider = new CorsDecider(this.holder, List.of((decision, candidate, request) -> {
            this.heard.add(decision);
            this.heard.add(candidate);
        }));
    }

    @Test
    void neitherAdaptsNorTellsAnyoneOfARequestThatNoPolicyCovers() {
        List<TestRequest> adapted = new ArrayList<>();
        DecidedRequest decided = this.decider.decide("/elsewhere", null, FROM_BETA, (request) -> {
            adapted.add(request);
            return DecidedRequest.of(request);
        });
        assertThat(decided).isNull();
        assertThat(adapted).isEmpty();
        assertThat(this.heard).isEmpty();
    }

    @Test
    void decidesWithTheMostSpecificPolicyThatCoversThePath() {
        DecidedRequest decided = this.decider.decide("/api/orders/7", null, FROM_BETA, DecidedRequest::of);
        assertThat(decided).isNotNull();
        assertThat(decided.decision().policy().name()).isEqualTo("orders");
        assertThat(decided.decision().reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED);
        assertThat(decided.candidate()).isNull();
    }

    @Test
    void decidesWithTheCandidateTooAndTellsTheListenersBothVerdicts() {
        DecidedRequest decided = this.decider.decide("/api/things", null, FROM_BETA, DecidedRequest::of);
        assertThat(decided).isNotNull();
        assertThat(decided.decision().reason()).isEqualTo(Reason.ALLOWED);
        assertThat(decided.candidate()).isNotNull();
        assertThat(decided.candidate().reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED);
        assertThat(this.heard).extracting((decision) -> decision.reason())
            .containsExactly(Reason.ALLOWED, Reason.ORIGIN_NOT_ALLOWED);
    }

    @Test
    void decidesWithTheSnapshotPutInForce() {
        this.holder.change((current) -> PolicySnapshot.empty());
        assertThat(this.decider.decide("/api/things", null, FROM_BETA, DecidedRequest::of)).isNull();
    }

    @Test
    void aSilentDeciderDecidesAlikeAndTellsNoListener() {
        DecidedRequest decided = CorsDecider.silent(this.holder)
            .decide("/api/things", null, FROM_BETA, DecidedRequest::of);
        assertThat(decided).isNotNull();
        assertThat(decided.decision().reason()).isEqualTo(Reason.ALLOWED);
        assertThat(decided.candidate().reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED);
        assertThat(this.heard).isEmpty();
    }
}
