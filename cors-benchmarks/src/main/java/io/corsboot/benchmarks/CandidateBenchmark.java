package io.corsboot.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.server.PathContainer;
import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.Decision;
import io.corsboot.web.CorsDecider;
import io.corsboot.web.DecidedRequest;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * What a candidate costs on the request path: the decider's work for a policy without a candidate and for the
 * same policy with a stricter one, beside one decision of the policy alone. A candidate should cost at most one
 * more decision, and a policy without one nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class CandidateBenchmark {

    /** Whether the policy has a candidate. */
    public enum Candidate {
        NONE, STRICTER
    }

    @Param
    public Candidate candidate;

    private CorsDecider decider;

    private CompiledPolicy policy;

    private PathContainer path;

    // An origin the policy allows and the stricter candidate would reject: both verdicts are computed, and differ.
    private final FixedRequest request = new FixedRequest("GET", Map.of("Origin", "https://beta.example.com"));

    @Setup
    public void setUp() {
        MockEnvironment environment = new MockEnvironment()
            .withProperty("cors.policies.api.paths", "/api/**")
            .withProperty("cors.policies.api.allowed-origins", "https://app.example.com,https://beta.example.com");
        if (this.candidate == Candidate.STRICTER) {
            environment.setProperty("cors.policies.api.candidate.allowed-origins", "https://app.example.com");
        }
        PolicySnapshot snapshot = new CorsConfigurationLoader().load(environment);
        this.decider = new CorsDecider(new PolicySnapshotHolder(snapshot), List.of());
        this.path = PathContainer.parsePath("/api/orders");
        this.policy = snapshot.routes().policyFor(this.path);
    }

    @Benchmark
    public Decision oneDecision() {
        return this.policy.decide(this.request);
    }

    @Benchmark
    public @Nullable DecidedRequest processed() {
        return this.decider.decide(this.path.value(), this.path, this.request, DecidedRequest::of);
    }
}
