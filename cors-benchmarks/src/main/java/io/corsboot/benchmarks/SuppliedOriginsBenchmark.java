package io.corsboot.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.SuppliedOriginValidator;
import io.corsboot.core.SuppliedOrigins;
import io.corsboot.web.PolicySnapshot;

/**
 * Rebuilding after a change of supplied origins, as an application with 50,000 tenants does when one tenant is
 * added and another removed: validating what the supplier now returns against what it returned before, then
 * recompiling its policy into a new snapshot. The first reading, which validates every value, is measured beside it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SuppliedOriginsBenchmark {

    static final int TENANTS = 50_000;

    // The public-suffix check concerns patterns with credentials; these tenants are exact origins.
    private final PolicyCompiler compiler = new PolicyCompiler((host) -> false);

    private final SuppliedOriginValidator validator = new SuppliedOriginValidator((host) -> false,
            UnaryOperator.identity());

    private PolicySnapshot snapshot;

    private SuppliedOrigins before;

    private List<String> changed;

    @Setup
    public void setUp() {
        List<String> origins = new ArrayList<>(TENANTS);
        for (int i = 0; i < TENANTS; i++) {
            origins.add("https://tenant-" + i + ".example.com");
        }
        this.changed = new ArrayList<>(origins.subList(1, TENANTS));
        this.changed.add("https://tenant-" + TENANTS + ".example.com");
        PolicySnapshot configured = new CorsConfigurationLoader().load(new MockEnvironment()
            .withProperty("cors.policies.tenants.paths", "/tenants/**")
            .withProperty("cors.policies.tenants.allowed-origins", "https://app.example.com"));
        this.before = this.validator.validate("tenantOrigins", "tenants", origins, List.of(), null);
        this.snapshot = configured.withSupplied(this.before, this.compiler);
    }

    @Benchmark
    public PolicySnapshot oneTenantAddedOneRemoved() {
        SuppliedOrigins after = this.validator.validate("tenantOrigins", "tenants", this.changed, List.of(),
                this.before);
        return this.snapshot.withSupplied(after, this.compiler);
    }

    @Benchmark
    public PolicySnapshot firstReading() {
        SuppliedOrigins all = this.validator.validate("tenantOrigins", "tenants", this.changed, List.of(), null);
        return this.snapshot.withSupplied(all, this.compiler);
    }
}
