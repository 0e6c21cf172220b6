package io.corsboot.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

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
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import io.corsboot.reactive.CorsReactiveWebFilter;
import io.corsboot.sample.StockCors;
import io.corsboot.web.CorsDecider;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * The starter's {@link CorsReactiveWebFilter} beside Spring's {@link CorsWebFilter}, configured alike, and a filter
 * that does nothing. One request per trial serves every invocation; each invocation gets a fresh exchange over a
 * fresh {@link DiscardingServerHttpResponse}, since a committed response cannot be reused, and every filter pays for
 * it alike. The exchange is built as {@code HttpWebHandlerAdapter} builds it, with codecs, session manager and
 * locale resolver shared by every request: {@code MockServerWebExchange.from} creates a new
 * {@code ServerCodecConfigurer} each time, about 13 KB and 5 µs, which would hide both filters. The handler completes the response, so that work
 * deferred to the commit is measured too, and the response is completed after the chain, as the server does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// -Xbatch: on a busy machine the compiler threads starve and three seconds of warm-up end before the hot path
// is compiled; the benchmark thread waits for each compilation instead.
@Fork(value = 1, jvmArgsAppend = "-Xbatch")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ReactiveFilterBenchmark {

    @Param
    public PolicySet policies;

    @Param
    public Scenario scenario;

    private static final WebSessionManager SESSIONS = new DefaultWebSessionManager();

    private static final ServerCodecConfigurer CODECS = ServerCodecConfigurer.create();

    private static final LocaleContextResolver LOCALES = new AcceptHeaderLocaleContextResolver();

    private final Handler handler = new Handler();

    private WebFilter starter;

    private WebFilter stock;

    private WebFilter passThrough;

    private MockServerHttpRequest request;

    @Setup
    public void setUp() {
        PolicySnapshot snapshot = this.policies.snapshot();
        this.starter = new CorsReactiveWebFilter(new CorsDecider(new PolicySnapshotHolder(snapshot), List.of()));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        StockCors.register(snapshot, source::registerCorsConfiguration);
        this.stock = new CorsWebFilter(source);
        this.passThrough = (exchange, chain) -> chain.filter(exchange);
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.method(
                HttpMethod.valueOf(this.scenario.method()), "http://localhost" + this.policies.path());
        this.scenario.headers(this.policies).forEach((name, value) -> builder.header(name, value));
        this.request = builder.build();
        check(this.starter, "starter");
        check(this.stock, "stock");
    }

    @Benchmark
    public ServerWebExchange starter() {
        return run(this.starter);
    }

    @Benchmark
    public ServerWebExchange stock() {
        return run(this.stock);
    }

    @Benchmark
    public ServerWebExchange passThrough() {
        return run(this.passThrough);
    }

    private ServerWebExchange run(WebFilter filter) {
        ServerWebExchange exchange = new DefaultServerWebExchange(this.request, new DiscardingServerHttpResponse(),
                SESSIONS, CODECS, LOCALES);
        // As HttpWebHandlerAdapter does after the chain: Spring's filter leaves a preflight or a rejection to it.
        filter.filter(exchange, this.handler).then(Mono.defer(exchange.getResponse()::setComplete)).block();
        return exchange;
    }

    private void check(WebFilter filter, String name) {
        this.handler.calls = 0;
        ServerWebExchange exchange = run(filter);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        boolean allowed = exchange.getResponse().getHeaders().getFirst("Access-Control-Allow-Origin") != null;
        this.scenario.check(name, this.policies, (status != null) ? status.value() : 200, this.handler.calls,
                allowed);
    }

    /** The rest of the application: completes the response. */
    private static final class Handler implements WebFilterChain {

        private int calls;

        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            this.calls++;
            return exchange.getResponse().setComplete();
        }
    }
}
