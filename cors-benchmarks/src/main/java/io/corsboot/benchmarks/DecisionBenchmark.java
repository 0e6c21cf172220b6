package io.corsboot.benchmarks;

import java.util.Map;
import java.util.TreeMap;
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
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.http.server.PathContainer;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.ResponseHeaders;
import io.corsboot.web.PolicySnapshot;

/**
 * The starter's decision alone, without a web stack: choosing the policy by an already parsed path, deciding, and
 * writing the headers to a sink that keeps nothing. Whatever this allocates, the core allocates.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// -Xbatch: on a busy machine the compiler threads starve and three seconds of warm-up end before the hot path
// is compiled; the benchmark thread waits for each compilation instead.
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DecisionBenchmark {

    @Param
    public PolicySet policies;

    @Param
    public Scenario scenario;

    private PolicySnapshot snapshot;

    private PathContainer path;

    private FixedRequest request;

    private Sink sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        this.sink = new Sink(blackhole);
        this.snapshot = this.policies.snapshot();
        this.path = PathContainer.parsePath(this.policies.path());
        this.request = new FixedRequest(this.scenario.method(), this.scenario.headers(this.policies));
    }

    @Benchmark
    public Decision decide() {
        Decision decision = this.snapshot.decide(this.path, this.request);
        decision.writeHeaders(this.request, this.sink);
        return decision;
    }

    /** A request whose headers never change. */
    private static final class FixedRequest implements CorsRequest {

        private final String method;

        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        FixedRequest(String method, Map<String, String> headers) {
            this.method = method;
            this.headers.putAll(headers);
        }

        @Override
        public String method() {
            return this.method;
        }

        @Override
        public @Nullable String header(String name) {
            return this.headers.get(name);
        }

        @Override
        public String scheme() {
            return "http";
        }

        @Override
        public String host() {
            return "localhost";
        }

        @Override
        public int port() {
            return 80;
        }
    }

    /** Headers handed to a blackhole. */
    private record Sink(Blackhole blackhole) implements ResponseHeaders {

        @Override
        public void set(String name, String value) {
            this.blackhole.consume(value);
        }

        @Override
        public void addVary(String token) {
            this.blackhole.consume(token);
        }
    }
}
