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
import io.corsboot.core.CorsRequest;
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
    void readsNothingFromARequestThatNoPolicyCovers() {
        Decision decision = this.decider.process(PathContainer.parsePath("/elsewhere"), new UnreadableRequest());
        assertThat(decision).isSameAs(Decision.UNCOVERED);
        assertThat(this.heard).isEmpty();
    }

    @Test
    void tellsTheListenersThePolicysDecisionAndItsCandidates() {
        TestRequest request = new TestRequest("GET", Map.of("Origin", "https://beta.example.com"));
        Decision decision = this.decider.process(PathContainer.parsePath("/api/orders"), request);
        CompiledPolicy policy = this.snapshot.policyFor(PathContainer.parsePath("/api/orders"));
        assertThat(decision.reason()).isEqualTo(Reason.ALLOWED);
        assertThat(decision.policy()).isSameAs(policy);
        assertThat(this.heard).hasSize(2).first().isSameAs(decision);
        Decision candidate = this.heard.get(1);
        assertThat(candidate).isNotNull();
        assertThat(candidate.reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED);
        assertThat(candidate.policy()).isSameAs(policy.candidate());
    }

    /** A request whose every read fails the test. */
    private static final class UnreadableRequest implements CorsRequest {

        @Override
        public String method() {
            throw new AssertionError("method read");
        }

        @Override
        public @Nullable String header(String name) {
            throw new AssertionError(name + " read");
        }

        @Override
        public String scheme() {
            throw new AssertionError("scheme read");
        }

        @Override
        public String host() {
            throw new AssertionError("host read");
        }

        @Override
        public int port() {
            throw new AssertionError("port read");
        }
    }
}
