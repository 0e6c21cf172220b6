package io.corsboot.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.BootLine;
import io.corsboot.testing.CorsCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/cors/migration} on a real server lists the application's {@code @CrossOrigin} and global CORS
 * mappings as Spring resolved them, says which the policy covering {@code /api/**} shadows, and gives the YAML that
 * carries over the others: where a policy decides, carrying Spring's configuration over would take the path from it.
 */
class MigrationEndToEndTests {

    private static final String[] PROPERTIES = { "cors.policies.api.paths=/api/**",
            "cors.policies.api.allowed-origins=https://app.example.com",
            "management.endpoints.web.exposure.include=cors" };

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "MVC_SECURED", "WEBFLUX", "WEBFLUX_SECURED" })
    @SuppressWarnings("unchecked")
    void listsEachSpringCorsConfigurationWithThePolicyThatShadowsItAndItsYaml(Stack stack) {
        try (TestServer server = TestServer.start(stack, PROPERTIES)) {
            Exchange exchange = server.send("GET", "/actuator/cors/migration", Map.of());
            assertThat(exchange.status()).isEqualTo(200);
            Map<String, Object> report = BootLine.jsonObject(exchange.response().body());
            assertThat(report).containsOnlyKeys("shadowed", "configurations", "yaml");
            assertThat(report.get("shadowed")).isEqualTo(2);
            List<Map<String, Object>> configurations = (List<Map<String, Object>>) report.get("configurations");
            assertThat(configurations).hasSize(3);

            Map<String, Object> annotated = configurations.get(0);
            assertThat(annotated).containsOnlyKeys("kind", "declaredBy", "paths", "settings", "shadowedBy", "policy",
                    "yaml", "notCarriedOver", "unreadable");
            assertThat(annotated).containsEntry("kind", "CROSS_ORIGIN")
                .containsEntry("declaredBy", handlerClass(stack) + "#annotated")
                .containsEntry("paths", List.of("/api/annotated"))
                .containsEntry("shadowedBy", List.of(Map.of("policy", "api", "paths", List.of("/api/annotated"))))
                .containsEntry("policy", null)
                .containsEntry("yaml", null)
                .containsEntry("notCarriedOver", List.of(Map.of("property", "cors.policies.api.paths", "value",
                        "/api/annotated", "reason", "Policy 'api' decides on /api/annotated, where this configuration "
                                + "no longer applies: carried over, it would take the path from that policy.")))
                .containsEntry("unreadable", null);
            Map<String, Object> settings = (Map<String, Object>) annotated.get("settings");
            assertThat(settings).containsEntry("allowedOrigins", List.of(CorsCases.SPRING_CORS_ORIGIN))
                .containsEntry("allowedOriginPatterns", List.of())
                .containsEntry("allowedMethods", List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"))
                .containsEntry("allowedHeaders", List.of("*"))
                .containsEntry("exposedHeaders", List.of())
                .containsEntry("allowCredentials", null)
                .containsEntry("allowPrivateNetwork", null)
                .containsEntry("maxAgeSeconds", 1800)
                .hasSize(8);

            Map<String, Object> covered = configurations.get(1);
            assertThat(covered).containsEntry("kind", "CORS_MAPPING")
                .containsEntry("declaredBy", "addCorsMappings")
                .containsEntry("paths", List.of("/api/global/**"))
                .containsEntry("shadowedBy", List.of(Map.of("policy", "api", "paths", List.of("/api/global/**"))))
                .containsEntry("policy", null);
            Map<String, Object> uncovered = configurations.get(2);
            assertThat(uncovered).containsEntry("kind", "CORS_MAPPING")
                .containsEntry("paths", List.of("/elsewhere/global/**"))
                .containsEntry("shadowedBy", List.of())
                .containsEntry("policy", "elsewhere-global");

            // What a policy decides stays as it is: only the uncovered mapping is carried over.
            assertThat((String) report.get("yaml"))
                .startsWith("cors:\n  policies:\n    elsewhere-global:\n      paths: [\"/elsewhere/global/**\"]\n")
                .doesNotContain("/api/");
        }
    }

    private static String handlerClass(Stack stack) {
        return (stack.reactive() ? WebFluxTestApplication.Handler.class : MvcTestApplication.Handler.class).getName();
    }
}
