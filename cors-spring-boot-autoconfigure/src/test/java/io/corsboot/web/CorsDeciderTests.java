package io.corsboot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.Decision;
import io.corsboot.core.Reason;
import io.corsboot.testing.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The filters' entry point: the policy's decision and its candidate's, told to the listeners. */
class CorsDeciderTests {

    private final List<@Nullable Decision> heard = new ArrayList<>();

    private final PolicySnapshot snapshot;

    private final CorsDecider decider;

    CorsDeciderTests() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("cors.policies.api.paths", "/api/**");
        environment.setProperty("cors.policies.api.allowed-origins", "https://app.example.com,https://beta.example.com");
        environment.setProperty("cors.policies.api.candidate.allowed-origins", "https://app.example.com");
        this.snapshot = new CorsConfigurationLoader().load(environment);
        this.decider = new CorsDecider(new PolicySnapshotHolder(this.snapshot),
                List.of((decision, candidate, request) -> {
                    this.heard.add(decision);
                    this.heard.add(candidate);
                }));
    }

    @Test
    void findsNoPolicyForAPathThatNoneCovers() {
        assertThat(this.decider.policyFor(PathContainer.parsePath("/elsewhere"))).isNull();
        assertThat(this.heard).isEmpty();
    }

    @Test
    void decidesWithThePolicyItFoundEvenAfterANewSnapshotIsPutInForce() {
        PolicySnapshotHolder holder = new PolicySnapshotHolder(this.snapshot);
        CorsDecider decider = new CorsDecider(holder, List.of());
        CompiledPolicy policy = decider.policyFor(PathContainer.parsePath("/api/orders"));
        holder.set(PolicySnapshot.empty());
        Decision decision = decider.process(policy, new TestRequest("GET", Map.of("Origin", "https://beta.example.com")));
        assertThat(decision.policy()).isSameAs(policy);
        assertThat(decision.reason()).isEqualTo(Reason.ALLOWED);
        assertThat(decider.policyFor(PathContainer.parsePath("/api/orders"))).isNull();
    }

    @Test
    void tellsTheListenersThePolicysDecisionAndItsCandidates() {
        TestRequest request = new TestRequest("GET", Map.of("Origin", "https://beta.example.com"));
        CompiledPolicy policy = this.decider.policyFor(PathContainer.parsePath("/api/orders"));
        Decision decision = this.decider.process(policy, request);
        assertThat(decision.reason()).isEqualTo(Reason.ALLOWED);
        assertThat(decision.policy()).isSameAs(policy);
        assertThat(this.heard).hasSize(2).first().isSameAs(decision);
        Decision candidate = this.heard.get(1);
        assertThat(candidate).isNotNull();
        assertThat(candidate.reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED);
        assertThat(candidate.policy()).isSameAs(policy.candidate());
    }
}
