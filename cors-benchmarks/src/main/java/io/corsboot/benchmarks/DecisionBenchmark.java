package io.corsboot.benchmarks;

import java.util.LinkedHashMap;
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
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.Decision;
import io.corsboot.core.HeaderWriter;
import io.corsboot.sample.StockCors;
import io.corsboot.web.PolicySnapshot;

/**
 * The decision alone, without a web stack or mocks, from an already parsed path. The starter chooses the policy,
 * decides and writes the headers to a sink that keeps nothing, so whatever it allocates, the core allocates.
 * Spring's side is what its {@code DefaultCorsProcessor} asks of the same configuration: the first matching path
 * pattern, then {@code checkOrigin}, {@code checkHttpMethod} and, for a preflight, {@code checkHeaders} with the
 * request headers already split (which spares it a parse that its filter pays).
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

    private BlackholeHeaders sink;

    private final Map<PathPattern, CorsConfiguration> stockConfigurations = new LinkedHashMap<>();

    private List<String> requestHeaders;

    private HttpMethod requestMethod;

    @Setup
    public void setUp(Blackhole blackhole) {
        this.sink = new BlackholeHeaders(blackhole);
        this.snapshot = this.policies.snapshot();
        this.path = PathContainer.parsePath(this.policies.path());
        Map<String, String> headers = this.scenario.headers(this.policies);
        this.request = new FixedRequest(this.scenario.method(), headers);
        StockCors.register(this.snapshot, (pattern, configuration) -> this.stockConfigurations
            .put(PathPatternParser.defaultInstance.parse(pattern), configuration));
        String names = headers.get("Access-Control-Request-Headers");
        this.requestHeaders = (names != null) ? List.of(names.split(",")) : List.of();
        String method = headers.get("Access-Control-Request-Method");
        this.requestMethod = HttpMethod.valueOf((method != null) ? method : this.scenario.method());
    }

    @Benchmark
    public Decision starter() {
        CompiledPolicy policy = this.snapshot.routes().policyFor(this.path);
        Decision decision = (policy != null) ? policy.decide(this.request) : Decision.UNCOVERED;
        HeaderWriter.write(decision, this.request, this.sink);
        return decision;
    }

    @Benchmark
    public @Nullable Object stock() {
        CorsConfiguration configuration = null;
        for (Map.Entry<PathPattern, CorsConfiguration> entry : this.stockConfigurations.entrySet()) {
            if (entry.getKey().matches(this.path)) {
                configuration = entry.getValue();
                break;
            }
        }
        String origin = this.request.header("Origin");
        if (configuration == null || origin == null) {
            return configuration;
        }
        String allowOrigin = configuration.checkOrigin(origin);
        if (allowOrigin == null) {
            return null;
        }
        List<HttpMethod> allowMethods = configuration.checkHttpMethod(this.requestMethod);
        return (this.scenario == Scenario.ALLOWED_PREFLIGHT) ? configuration.checkHeaders(this.requestHeaders)
                : allowMethods;
    }
}
