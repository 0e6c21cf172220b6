package io.corsboot.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A Spring Cloud Gateway application with the starter, on a random port, routing to a {@link RoutedService}. Its
 * routes and policies:
 * <table>
 * <tr><th>path</th><th>routed to</th><th>policy</th><th>the gateway's own CORS</th></tr>
 * <tr><td>{@code /api/meta/**}</td><td>the service</td><td>api</td><td>route metadata (Server WebFlux),
 * {@value #ROUTE_ORIGIN}</td></tr>
 * <tr><td>{@code /api/**}</td><td>the service</td><td>api</td><td>global, {@value #GLOBAL_ORIGIN} and
 * {@value #APP}</td></tr>
 * <tr><td>{@code /down/**}</td><td>a port nothing listens on</td><td>api</td><td></td></tr>
 * <tr><td>{@code /global/**}</td><td>the service</td><td>none</td><td>global, {@value #GLOBAL_ORIGIN} and
 * {@value #APP}</td></tr>
 * <tr><td>{@code /meta/**}</td><td>the service</td><td>none</td><td>route metadata (Server WebFlux),
 * {@value #ROUTE_ORIGIN}</td></tr>
 * <tr><td>{@code /other/**}</td><td>the service</td><td>none</td><td></td></tr>
 * </table>
 * The policy {@code api} allows {@value #APP} and {@value #PAGE_ORIGINS} with credentials, methods GET, POST and
 * PUT, the request header {@code Content-Type}, exposes {@code X-Request-Id}, and lets browsers cache preflights for
 * 10 minutes.
 */
final class GatewayServer implements AutoCloseable {

    static final String APP = "https://app.example.com";

    /** The origins of the pages that the browser tests load, which the policy allows too. */
    static final String PAGE_ORIGINS = "http://localhost:[*]";

    /** An origin that the gateway's global CORS settings allow, beside {@value #APP}, and no policy does. */
    static final String GLOBAL_ORIGIN = "https://global.example";

    /** The paths of the gateway's global CORS settings: globalcors on Server WebFlux, Spring MVC's on Web MVC. */
    static final List<String> GLOBAL_CORS_PATHS = List.of("/api/**", "/global/**");

    /** The origin that the policy for the host this gateway is called on, 127.0.0.1, allows on /edge/**. */
    static final String HERE_ORIGIN = "https://here.example";

    /** The origin that the policy for another host allows on /edge/**: never one this gateway allows. */
    static final String ELSEWHERE_ORIGIN = "https://elsewhere.example";

    /** The only origin that the routes' metadata CORS allows. */
    static final String ROUTE_ORIGIN = "https://route.example";

    private static final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    /** Whether the gateway has its own CORS settings: where the test application reads it. */
    private static final String GATEWAY_CORS = "test.gateway-cors";

    private final ConfigurableApplicationContext context;

    private GatewayServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a gateway in front of the service, with properties as "key=value" lines added to its own. */
    static GatewayServer start(Server server, RoutedService service, String... extraProperties) {
        return start(server, service, true, extraProperties);
    }

    /**
     * Starts a gateway in front of the service, with its own CORS settings (the table's last column) or without, and
     * with properties as "key=value" lines added to its own.
     */
    static GatewayServer start(Server server, RoutedService service, boolean gatewayCors,
            String... extraProperties) {
        String routes = server.prefix + ".routes";
        List<String> properties = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
                "cors.policies.api.paths=/api/**,/down/**",
                "cors.policies.api.allowed-origins=" + APP,
                "cors.policies.api.allowed-origin-patterns=" + PAGE_ORIGINS,
                "cors.policies.api.allowed-methods=GET,POST,PUT",
                "cors.policies.api.allowed-headers=Content-Type",
                "cors.policies.api.exposed-headers=X-Request-Id",
                "cors.policies.api.allow-credentials=true",
                "cors.policies.api.max-age=10m",
                "cors.policies.public.paths=/public/**",
                "cors.policies.public.allowed-origins=*",
                "cors.policies.edge-here.paths=/edge/**",
                "cors.policies.edge-here.hosts=127.0.0.1",
                "cors.policies.edge-here.allowed-origins=" + HERE_ORIGIN,
                "cors.policies.edge-elsewhere.paths=/edge/**",
                "cors.policies.edge-elsewhere.hosts=api.example.com",
                "cors.policies.edge-elsewhere.allowed-origins=" + ELSEWHERE_ORIGIN));
        String[][] table = { { "api-meta", "/api/meta/**", service.uri() }, { "api", "/api/**", service.uri() },
                { "down", "/down/**", closedPort() }, { "global", "/global/**", service.uri() },
                { "meta", "/meta/**", service.uri() }, { "other", "/other/**", service.uri() },
                { "public", "/public/**", service.uri() }, { "edge", "/edge/**", service.uri() } };
        for (int i = 0; i < table.length; i++) {
            String route = routes + "[" + i + "]";
            properties.add(route + ".id=" + table[i][0]);
            properties.add(route + ".uri=" + table[i][2]);
            properties.add(route + ".predicates[0]=Path=" + table[i][1]);
            if (gatewayCors && server == Server.WEBFLUX && table[i][0].endsWith("meta")) {
                properties.add(route + ".metadata.cors.allowedOrigins[0]=" + ROUTE_ORIGIN);
                properties.add(route + ".metadata.cors.allowedMethods[0]=GET");
                properties.add(route + ".metadata.cors.allowedMethods[1]=PUT");
            }
        }
        for (String path : (gatewayCors && server == Server.WEBFLUX) ? GLOBAL_CORS_PATHS : List.<String>of()) {
            String globalcors = server.prefix + ".globalcors.cors-configurations.[" + path + "]";
            properties.add(globalcors + ".allowed-origins=" + GLOBAL_ORIGIN + "," + APP);
            properties.add(globalcors + ".allowed-methods=GET,PUT");
        }
        if (server == Server.WEBMVC) {
            // Both servers share this class path: Server WebFlux refuses to start beside Spring MVC unless turned off.
            properties.add("spring.cloud.gateway.server.webflux.enabled=false");
        }
        properties.add(GATEWAY_CORS + "=" + gatewayCors);
        properties.addAll(List.of(extraProperties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
            .web(server.type)
            .properties(properties.toArray(new String[0]))
            .run();
        return new GatewayServer(context);
    }

    private static String closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The gateway's own origin. */
    String uri() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
    }

    /** Sends a request with the given headers (name, value, name, value, …) to the gateway. */
    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri() + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), BodyHandlers.ofString());
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

    /** The two servers of Spring Cloud Gateway. */
    enum Server {

        WEBFLUX("Gateway Server WebFlux on Netty", WebApplicationType.REACTIVE, "spring.cloud.gateway.server.webflux"),

        WEBMVC("Gateway Server Web MVC on Tomcat", WebApplicationType.SERVLET, "spring.cloud.gateway.server.webmvc");

        private final String description;

        private final WebApplicationType type;

        private final String prefix;

        Server(String description, WebApplicationType type, String prefix) {
            this.description = description;
            this.type = type;
            this.prefix = prefix;
        }

        @Override
        public String toString() {
            return this.description;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class GatewayApplication {

        /** On Gateway Server Web MVC, which has no CORS settings of its own: Spring MVC's global CORS mappings. */
        @Bean
        @ConditionalOnBooleanProperty(GATEWAY_CORS)
        WebMvcConfigurer globalCorsMappings() {
            return new WebMvcConfigurer() {

                @Override
                public void addCorsMappings(CorsRegistry registry) {
                    for (String path : GLOBAL_CORS_PATHS) {
                        registry.addMapping(path).allowedOrigins(GLOBAL_ORIGIN, APP).allowedMethods("GET", "PUT");
                    }
                }
            };
        }
    }
}
