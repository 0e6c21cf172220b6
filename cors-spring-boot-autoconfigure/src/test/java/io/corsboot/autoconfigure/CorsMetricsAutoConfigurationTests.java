package io.corsboot.autoconfigure;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;

import io.corsboot.metrics.CandidateMetrics;
import io.corsboot.metrics.MicrometerDecisionListener;
import io.corsboot.reactive.CorsReactiveWebFilter;
import io.corsboot.testing.BootLine;
import io.corsboot.web.CandidateReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@code cors.requests} counter as the web filters feed it.
 */
class CorsMetricsAutoConfigurationTests {

    /** Requests, each as method, path and headers, and what a policy makes of them. */
    static final List<Request> REQUESTS = List.of(
            new Request("OPTIONS", "/api/orders", Map.of("Origin", "https://app.example.com",
                    "Access-Control-Request-Method", "PUT")),
            new Request("OPTIONS", "/api/orders", Map.of("Origin", "https://evil.example.net",
                    "Access-Control-Request-Method", "PUT")),
            new Request("OPTIONS", "/api/orders", Map.of("Origin", "https://app.example.com",
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "X-Custom")),
            new Request("GET", "/api/orders", Map.of("Origin", "https://app.example.com")),
            new Request("GET", "/api/orders/7", Map.of("Origin", "https://app.example.com")),
            new Request("DELETE", "/api/orders/7", Map.of("Origin", "https://app.example.com")),
            // Not counted: not CORS, same origin, a navigation, no policy.
            new Request("GET", "/api/orders", Map.of()),
            new Request("GET", "/api/orders", Map.of("Origin", "http://localhost")),
            new Request("POST", "/api/orders", Map.of("Origin", "https://evil.example.net", "Sec-Fetch-Mode",
                    "navigate")),
            new Request("GET", "/other", Map.of("Origin", "https://app.example.com")));

    /** What {@link #REQUESTS} count: kind, outcome, reason and count. */
    static final List<Tuple> COUNTS = List.of(tuple("preflight", "allowed", "ALLOWED", 1.0),
            tuple("preflight", "rejected", "ORIGIN_NOT_ALLOWED", 1.0),
            tuple("preflight", "rejected", "HEADERS_NOT_ALLOWED", 1.0), tuple("actual", "allowed", "ALLOWED", 2.0),
            tuple("actual", "rejected", "METHOD_NOT_ALLOWED", 1.0));

    private static final AutoConfigurations METRICS = AutoConfigurations.of(CorsAutoConfiguration.class,
            CorsMetricsAutoConfiguration.class);

    private static final String[] POLICY = { "cors.policies.api.paths=/api/**",
            "cors.policies.api.allowed-origins=https://app.example.com", "cors.policies.api.allowed-methods=GET,PUT" };

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(METRICS)
        .withConfiguration(BootLine.METRICS)
        .withConfiguration(AutoConfigurations.of(CorsServletAutoConfiguration.class))
        .withPropertyValues(POLICY);

    private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(METRICS)
        .withConfiguration(BootLine.METRICS)
        .withConfiguration(AutoConfigurations.of(CorsReactiveAutoConfiguration.class))
        .withPropertyValues(POLICY);

    private final WebApplicationContextRunner corsOnly = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsServletAutoConfiguration.class,
                CorsMetricsAutoConfiguration.class))
        .withPropertyValues("cors.policies.api.paths=/api/**");

    @Test
    void countsCandidateDisagreementsUnlessDisabled() {
        this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CandidateMetrics.class)
            .hasSingleBean(CandidateReport.class));
        this.contextRunner.withPropertyValues("cors.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(CandidateMetrics.class)
                .doesNotHaveBean(CandidateReport.class)
                .hasSingleBean(MicrometerDecisionListener.class));
    }

    @Test
    void countsEveryCrossOriginVerdictOfTheServletFilter() {
        this.contextRunner.run((context) -> {
            REQUESTS.forEach((request) -> perform(context, request));
            assertThat(counts(context.getBean(MeterRegistry.class))).containsExactlyInAnyOrderElementsOf(COUNTS);
        });
    }

    @Test
    void countsEveryCrossOriginVerdictOfTheReactiveWebFilter() {
        this.reactiveContextRunner.run((context) -> {
            REQUESTS.forEach((request) -> perform(context, request));
            assertThat(counts(context.getBean(MeterRegistry.class))).containsExactlyInAnyOrderElementsOf(COUNTS);
        });
    }

    @Test
    void tagsThePolicyAndNeverTheOrigin() {
        this.contextRunner.run((context) -> {
            REQUESTS.forEach((request) -> perform(context, request));
            assertThat(context.getBean(MeterRegistry.class).find(MicrometerDecisionListener.REQUESTS).counters())
                .isNotEmpty()
                .allSatisfy((counter) -> {
                    assertThat(counter.getId().getTags()).extracting(Tag::getKey)
                        .containsExactly("kind", "outcome", "policy", "reason");
                    assertThat(counter.getId().getTag("policy")).isEqualTo("api");
                });
        });
    }

    @Test
    void countsInAMeterRegistryOfTheApplication() {
        this.corsOnly.withBean(SimpleMeterRegistry.class).run((context) -> {
            perform(context, new Request("GET", "/api/orders", Map.of("Origin", "https://app.example.com")));
            assertThat(counts(context.getBean(SimpleMeterRegistry.class)))
                .containsExactly(tuple("actual", "rejected", "ORIGIN_NOT_ALLOWED", 1.0));
        });
    }

    @Test
    void backsOffWithoutMicrometer() {
        this.corsOnly.withBean(SimpleMeterRegistry.class)
            .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerDecisionListener.class));
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        this.corsOnly
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerDecisionListener.class));
    }

    private static List<Tuple> counts(MeterRegistry registry) {
        return registry.find(MicrometerDecisionListener.REQUESTS)
            .counters()
            .stream()
            .map((counter) -> tuple(tag(counter, "kind"), tag(counter, "outcome"), tag(counter, "reason"),
                    counter.count()))
            .toList();
    }

    private static String tag(Counter counter, String key) {
        return counter.getId().getTag(key);
    }

    private static void perform(AssertableWebApplicationContext context, Request request) {
        Filter filter = context.getBean(FilterRegistrationBean.class).getFilter();
        MockHttpServletRequest servletRequest = new MockHttpServletRequest(request.method(), request.path());
        request.headers().forEach(servletRequest::addHeader);
        try {
            filter.doFilter(servletRequest, new MockHttpServletResponse(), new MockFilterChain());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void perform(AssertableReactiveWebApplicationContext context, Request request) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest
            .method(HttpMethod.valueOf(request.method()), "http://localhost" + request.path());
        request.headers().forEach((name, value) -> builder.header(name, value));
        MockServerWebExchange exchange = MockServerWebExchange.from(builder);
        context.getBean(CorsReactiveWebFilter.class).filter(exchange, (filtered) -> Mono.empty()).block();
    }

    record Request(String method, String path, Map<String, String> headers) {
    }
}
