package io.corsboot.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.bus.event.RefreshRemoteApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One instance of the fleet's application: the starter and Actuator on Spring MVC or WebFlux, a random loopback
 * port, its configuration imported from the config server and joined to the bus. Its methods are what an operator
 * or a browser sees of it over HTTP.
 */
final class FleetInstance implements AutoCloseable {

    /** The path the fleet's policy covers; no handler serves it, the policy answers preflights alone. */
    static final String API_PATH = "/api/orders";

    static final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final String name;

    private final WebApplicationType type;

    private final ConfigurableApplicationContext context;

    private final String uri;

    private FleetInstance(String name, WebApplicationType type, ConfigurableApplicationContext context) {
        this.name = name;
        this.type = type;
        this.context = context;
        this.uri = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Starts an instance configured by {@code configServer}, on the bus of the Kafka {@code brokers}. */
    static FleetInstance start(String name, WebApplicationType type, String configServer, String brokers,
            String... extraProperties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FleetApplication.class)
            .main(FleetApplication.class)
            .web(type)
            .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                    "spring.application.name=fleet", "spring.config.import=configserver:" + configServer,
                    // The config server's jar, on this shared class path, turns the client off unless told otherwise.
                    "spring.cloud.config.enabled=true", "spring.cloud.config.fail-fast=true",
                    // The default bus id takes its random part from a cache that every context of a JVM shares.
                    "spring.cloud.bus.id=fleet:" + name,
                    "spring.cloud.stream.kafka.binder.brokers=" + brokers,
                    "management.endpoints.web.exposure.include=cors,info,busrefresh,metrics")
            .properties(extraProperties)
            .run();
        return new FleetInstance(name, type, context);
    }

    String name() {
        return this.name;
    }

    /** A CORS preflight to {@value #API_PATH}, as a browser sends it. */
    HttpResponse<Void> preflight(String origin, String method) {
        return send(HttpRequest.newBuilder(URI.create(this.uri + API_PATH))
            .method("OPTIONS", BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method), BodyHandlers.discarding());
    }

    /** Whether a preflight from {@code origin} for GET is allowed. */
    boolean allows(String origin) {
        HttpResponse<Void> response = preflight(origin, "GET");
        return response.statusCode() == 200
                && origin.equals(response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    /** {@code POST /actuator/busrefresh}: a refresh of every instance on the bus. */
    void busRefresh() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.uri + "/actuator/busrefresh"))
            .POST(BodyPublishers.noBody()), BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("busrefresh on " + this + " answered " + response.statusCode());
        }
    }

    /** What the instance says of its policies, from the endpoint, the info endpoint and the gauge. */
    CorsState corsState() {
        String cors = get("/actuator/cors");
        String info = get("/actuator/info");
        String gauge = get("/actuator/metrics/cors.policies");
        return new CorsState(JsonPath.read(cors, "$.fingerprint"), JsonPath.read(cors, "$.refused"),
                JsonPath.read(info, "$.cors.fingerprint"), JsonPath.read(info, "$.cors.refused"),
                JsonPath.read(gauge, "$.availableTags[?(@.tag == 'fingerprint')].values[*]"),
                JsonPath.read(gauge, "$.availableTags[?(@.tag == 'state')].values[*]"));
    }

    /** The candidate of {@code policy} as the endpoint lists it, or null. */
    @Nullable Object candidate(String policy) {
        List<Object> candidates = JsonPath.read(get("/actuator/cors"),
                "$.policies[?(@.name == '" + policy + "')].candidate");
        return candidates.get(0);
    }

    /** The requests on which the candidate of {@code policy} disagreed with the policy ({@code cors.candidate}). */
    double candidateDisagreements(String policy) {
        String path = "/actuator/metrics/cors.candidate?tag=policy:"
                + URLEncoder.encode(policy, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.uri + path)).GET(),
                BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        List<Double> counts = JsonPath.read(response.body(), "$.measurements[?(@.statistic == 'COUNT')].value");
        return counts.get(0);
    }

    /** The refresh events the instance has taken from the bus, or sent itself. */
    int busRefreshes() {
        return this.context.getBean(BusRefreshes.class).count.get();
    }

    private String get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.uri + path)).GET(),
                BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " on " + this + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        this.context.close();
    }

    @Override
    public String toString() {
        return this.name + " (" + ((this.type == WebApplicationType.SERVLET) ? "Spring MVC on Tomcat"
                : "WebFlux on Reactor Netty") + ")";
    }

    /**
     * What one instance says of its policies: the fingerprint and refusal of {@code GET /actuator/cors}, those of
     * {@code GET /actuator/info}, and the tags of the {@code cors.policies} gauge (one value each, since an instance
     * shows one gauge).
     */
    record CorsState(String fingerprint, @Nullable Object refused, String infoFingerprint, boolean infoRefused,
            List<String> gaugeFingerprints, List<String> gaugeStates) {

        /** The one fingerprint all three report, or null while they differ. */
        @Nullable String agreedFingerprint() {
            boolean agreed = this.fingerprint.equals(this.infoFingerprint)
                    && this.gaugeFingerprints.equals(List.of(this.fingerprint));
            return agreed ? this.fingerprint : null;
        }

        boolean applied() {
            return this.refused == null && !this.infoRefused && this.gaugeStates.equals(List.of("applied"));
        }

        boolean refusedEverywhere() {
            return this.refused != null && this.infoRefused && this.gaugeStates.equals(List.of("refused"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class FleetApplication {

        @Bean
        BusRefreshes busRefreshes() {
            return new BusRefreshes();
        }
    }

    /** Counts refresh events, so that a test knows when an instance's bus consumer is listening. */
    static final class BusRefreshes implements ApplicationListener<RefreshRemoteApplicationEvent> {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void onApplicationEvent(RefreshRemoteApplicationEvent event) {
            this.count.incrementAndGet();
        }
    }
}
