package io.corsboot.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import io.corsboot.gateway.GatewayServer.Server;

import static io.corsboot.gateway.GatewayServer.APP;
import static io.corsboot.gateway.GatewayServer.GLOBAL_ORIGIN;
import static io.corsboot.gateway.GatewayServer.ROUTE_ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code GET /actuator/cors/migration} on a real gateway, on both servers: it lists the gateway's own CORS settings
 * (on Server WebFlux its {@code globalcors} and its routes' {@code cors} metadata, on Server Web MVC Spring MVC's
 * mappings) with the policy that shadows each on a covered path; and its YAML, started on the same gateway without
 * those settings, answers as they did.
 */
class GatewayMigrationTests {

    private static final String EXPOSE_CORS = "management.endpoints.web.exposure.include=cors";

    private static final String ELSEWHERE = "https://elsewhere.example";

    private static RoutedService service;

    @BeforeAll
    static void start() {
        service = RoutedService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest
    @EnumSource
    void listsTheGatewaysOwnCorsAndItsYamlAnswersAsTheyDid(Server server) {
        String yaml;
        Map<String, String> before;
        try (GatewayServer gateway = GatewayServer.start(server, service, EXPOSE_CORS)) {
            HttpResponse<String> response = gateway.send("GET", "/actuator/cors/migration");
            assertThat(response.statusCode()).isEqualTo(200);
            String report = response.body();
            List<Map<String, Object>> configurations = JsonPath.read(report, "$.configurations");
            if (server == Server.WEBFLUX) {
                assertThat(configurations).extracting((c) -> c.get("kind"), (c) -> c.get("declaredBy"),
                        (c) -> c.get("paths"), (c) -> c.get("shadowedBy"))
                    .containsExactly(
                            tuple("GATEWAY_ROUTE_CORS", "route api-meta, metadata cors", List.of("/api/meta/**"),
                                    List.of(Map.of("policy", "api", "paths", List.of("/api/meta/**")))),
                            tuple("GATEWAY_ROUTE_CORS", "route meta, metadata cors", List.of("/meta/**"), List.of()),
                            tuple("GATEWAY_GLOBAL_CORS",
                                    "spring.cloud.gateway.server.webflux.globalcors.cors-configurations.[/api/**]",
                                    List.of("/api/**"), List.of(Map.of("policy", "api", "paths", List.of("/api/**")))),
                            tuple("GATEWAY_GLOBAL_CORS",
                                    "spring.cloud.gateway.server.webflux.globalcors.cors-configurations.[/global/**]",
                                    List.of("/global/**"), List.of()));
                // Where the policy api decides, carrying the gateway's settings over would take the path from it.
                assertThat(configurations).extracting((c) -> c.get("policy"))
                    .containsExactly(null, "route-meta", null, "globalcors-global");
                assertThat(JsonPath.<List<String>>read(report, "$.configurations[0].notCarriedOver[*].value"))
                    .containsExactly("/api/meta/**");
                assertThat(JsonPath.<List<String>>read(report, "$.configurations[2].notCarriedOver[*].value"))
                    .containsExactly("/api/**");
                assertThat(JsonPath.<List<String>>read(report, "$.configurations[1].settings.allowedMethods"))
                    .containsExactlyInAnyOrder("GET", "PUT");
                assertThat(JsonPath.<List<String>>read(report, "$.configurations[1].settings.allowedOrigins"))
                    .containsExactly(ROUTE_ORIGIN);
            }
            else {
                assertThat(configurations).extracting((c) -> c.get("kind"), (c) -> c.get("paths"),
                        (c) -> c.get("shadowedBy"))
                    .containsExactly(
                            tuple("CORS_MAPPING", List.of("/api/**"),
                                    List.of(Map.of("policy", "api", "paths", List.of("/api/**")))),
                            tuple("CORS_MAPPING", List.of("/global/**"), List.of()));
                assertThat(configurations).extracting((c) -> c.get("policy")).containsExactly(null, "global");
            }
            assertThat(JsonPath.<Integer>read(report, "$.shadowed")).isEqualTo(server == Server.WEBFLUX ? 2 : 1);
            yaml = JsonPath.read(report, "$.yaml");
            before = answers(gateway, server);
        }
        List<String> migrated = new ArrayList<>(properties(yaml));
        migrated.add(EXPOSE_CORS);
        try (GatewayServer gateway = GatewayServer.start(server, service, false, migrated.toArray(new String[0]))) {
            assertThat(answers(gateway, server)).isEqualTo(before);
            assertThat(JsonPath.<List<Object>>read(gateway.send("GET", "/actuator/cors/migration").body(),
                    "$.configurations")).isEmpty();
        }
    }

    /**
     * Whether each request the gateway's own CORS settings decided is allowed, and with which origin, by method, path
     * and origin.
     */
    private static Map<String, String> answers(GatewayServer gateway, Server server) {
        List<String> paths = new ArrayList<>(List.of("/global/orders", "/api/orders"));
        if (server == Server.WEBFLUX) {
            paths.addAll(List.of("/meta/orders", "/api/meta/orders"));
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : paths) {
            for (String origin : List.of(APP, GLOBAL_ORIGIN, ROUTE_ORIGIN, ELSEWHERE)) {
                for (String method : List.of("GET", "PUT", "DELETE")) {
                    HttpResponse<String> preflight = gateway.send("OPTIONS", path, "Origin", origin,
                            "Access-Control-Request-Method", method);
                    answers.put("preflight " + method + " " + path + " from " + origin, verdict(preflight));
                }
                answers.put("GET " + path + " from " + origin, verdict(gateway.send("GET", path, "Origin", origin)));
            }
        }
        return answers;
    }

    private static String verdict(HttpResponse<String> response) {
        return response.statusCode() + " "
                + response.headers().firstValue("Access-Control-Allow-Origin").orElse("(no Access-Control-Allow-Origin)");
    }

    /** The YAML as "key=value" lines, as the gateway's properties take them. */
    private static List<String> properties(String yaml) {
        try {
            List<String> properties = new ArrayList<>();
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("migration",
                    new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))) {
                EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
                for (String name : enumerable.getPropertyNames()) {
                    properties.add(name + "=" + enumerable.getProperty(name));
                }
            }
            return properties;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
