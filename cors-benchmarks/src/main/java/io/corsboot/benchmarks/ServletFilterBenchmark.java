package io.corsboot.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import io.corsboot.sample.StockCors;
import io.corsboot.servlet.CorsServletFilter;
import io.corsboot.web.CorsDecider;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * The starter's {@link CorsServletFilter} beside Spring's {@link CorsFilter}, configured alike, and a filter that
 * does nothing. One request and one response per trial serve every invocation: the request's attributes are cleared
 * and the response is reset before each one, which every filter pays alike, so the benchmarks measure filters rather
 * than mock construction.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// -Xbatch: on a busy machine the compiler threads starve and three seconds of warm-up end before the hot path
// is compiled; the benchmark thread waits for each compilation instead.
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ServletFilterBenchmark {

    @Param
    public PolicySet policies;

    @Param
    public Scenario scenario;

    private final Chain chain = new Chain();

    private Filter starter;

    private Filter stock;

    private Filter passThrough;

    private MockHttpServletRequest request;

    private MockHttpServletResponse response;

    @Setup
    public void setUp() throws Exception {
        PolicySnapshot snapshot = this.policies.snapshot();
        this.starter = new CorsServletFilter(new CorsDecider(new PolicySnapshotHolder(snapshot), List.of()));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        StockCors.register(snapshot, source::registerCorsConfiguration);
        this.stock = new CorsFilter(source);
        this.passThrough = new PassThroughFilter();
        this.request = new MockHttpServletRequest(this.scenario.method(), this.policies.path());
        this.scenario.headers(this.policies).forEach(this.request::addHeader);
        this.response = new MockHttpServletResponse();
        check(this.starter, "starter");
        check(this.stock, "stock");
    }

    @Benchmark
    public int starter() throws ServletException, IOException {
        return run(this.starter);
    }

    @Benchmark
    public int stock() throws ServletException, IOException {
        return run(this.stock);
    }

    @Benchmark
    public int passThrough() throws ServletException, IOException {
        return run(this.passThrough);
    }

    private int run(Filter filter) throws ServletException, IOException {
        // A real server starts every request with a fresh request and response: the starter's filter leaves its
        // decision as a request attribute, and a rejection commits the mock response.
        this.request.clearAttributes();
        this.response.setCommitted(false);
        this.response.reset();
        filter.doFilter(this.request, this.response, this.chain);
        return this.response.getStatus();
    }

    private void check(Filter filter, String name) throws ServletException, IOException {
        this.chain.calls = 0;
        int status = run(filter);
        boolean allowed = this.response.getHeader("Access-Control-Allow-Origin") != null;
        this.scenario.check(name, this.policies, status, this.chain.calls, allowed);
    }

    /** The rest of the application: nothing. */
    private static final class Chain implements FilterChain {

        private int calls;

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) {
            this.calls++;
        }
    }

    /** The floor: the base class both CORS filters extend, doing nothing else. */
    private static final class PassThroughFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
        }
    }
}
