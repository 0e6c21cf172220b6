package io.corsboot.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.CorsConfigurationException;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.BootLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The migration report reads {@code CorsConfigurationSource} beans, names CORS filters it cannot read with what to
 * do, reads Actuator's CORS, says what the starter would refuse in the words of its startup message, and logs one
 * line at startup when policies shadow Spring CORS configurations.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationSourcesEndToEndTests {

    private static final String EXPOSE = "management.endpoints.web.exposure.include=cors";

    private static final String PARTNER_POLICY = "cors-configuration-source-partner";

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void readsACorsConfigurationSourceBeanAndLeavesOutWhatTheStarterRefusesInTheWordsOfItsStartupMessage(
            Stack stack) {
        try (TestServer server = TestServer.start(stack, List.of(sourceConfiguration(stack)), EXPOSE)) {
            Map<String, Object> source = configuration(server, "CORS_CONFIGURATION_SOURCE");
            assertThat(source).containsEntry("declaredBy", "bean corsConfigurationSource")
                .containsEntry("paths", List.of("/partner/**"))
                .containsEntry("shadowedBy", List.of())
                .containsEntry("policy", PARTNER_POLICY)
                .containsEntry("unreadable", null);
            String property = "cors.policies." + PARTNER_POLICY + ".allowed-origin-patterns[0]";
            assertThat(source.get("notCarriedOver")).isEqualTo(List.of(
                    notCarriedOver(property, "https://*", startupMessage(property)),
                    notCarriedOver("cors.policies." + PARTNER_POLICY + ".allowed-headers", null,
                            "A preflight that asks for a header not listed is rejected whole, where Spring answers "
                                    + "with the listed headers alone and the browser then fails the request: the "
                                    + "same outcome, reported earlier.")));
            assertThat(source.get("yaml")).isEqualTo("""
                    cors:
                      policies:
                        cors-configuration-source-partner:
                          paths: ["/partner/**"]
                          allowed-origins: ["https://partner.example"]
                          allowed-methods: ["GET", "PUT"]
                          allowed-headers: ["Content-Type"]
                          allow-credentials: true
                          max-age: 600
                    """);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void namesACorsFilterBeanWhoseSourceSpringDoesNotExposeWithWhatToDo(Stack stack) {
        try (TestServer server = TestServer.start(stack, List.of(filterConfiguration(stack)), EXPOSE)) {
            Map<String, Object> filter = configuration(server, "CORS_FILTER");
            assertThat(filter).containsEntry("declaredBy", "bean corsFilter")
                .containsEntry("settings", null)
                .containsEntry("policy", null)
                .containsEntry("yaml", null)
                .containsEntry("unreadable", "Spring does not expose the source of a CORS filter: declare the "
                        + "CorsConfigurationSource it takes as a bean, which the report reads, and remove the filter "
                        + "once policies carry its configuration over.");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void readsActuatorsOwnCorsOnTheEndpointsBasePath(Stack stack) {
        try (TestServer server = TestServer.start(stack, EXPOSE, "cors.policies.ops.paths=/actuator/health/**",
                "cors.policies.ops.allowed-origins=https://ops.example",
                "management.endpoints.web.cors.allowed-origins=https://monitor.example",
                "management.endpoints.web.cors.allowed-methods=GET")) {
            Map<String, Object> actuator = configuration(server, "ACTUATOR");
            assertThat(actuator).containsEntry("declaredBy", "management.endpoints.web.cors")
                .containsEntry("paths", List.of("/actuator/**"))
                .containsEntry("shadowedBy", List.of(Map.of("policy", "ops", "paths", List.of("/actuator/health/**"))))
                .containsEntry("policy", "actuator")
                .containsEntry("yaml", """
                        cors:
                          policies:
                            actuator:
                              paths: ["/actuator/**"]
                              allowed-origins: ["https://monitor.example"]
                              allowed-methods: ["GET"]
                              max-age: 1800
                        """);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void logsOneLineAtStartupWhenPoliciesShadowSpringCorsConfigurations(Stack stack, CapturedOutput output) {
        try (TestServer server = TestServer.start(stack, "cors.policies.api.paths=/api/**",
                "cors.policies.api.allowed-origins=https://app.example.com")) {
            assertThat(output.getOut().lines().filter((line) -> line.contains("Spring CORS configuration")))
                .singleElement()
                .satisfies((line) -> assertThat(line).contains("INFO")
                    .endsWith("CORS policies decide on 2 Spring CORS configurations (/api/annotated, /api/global/**), "
                            + "where Spring's configuration no longer counts: GET /actuator/cors/migration lists "
                            + "each, with the policy that decides there."));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "WEBFLUX" })
    void logsNothingWhenNoPolicyShadowsASpringCorsConfiguration(Stack stack, CapturedOutput output) {
        try (TestServer server = TestServer.start(stack, "cors.policies.other.paths=/other/**",
                "cors.policies.other.allowed-origins=https://app.example.com")) {
            assertThat(output.getOut()).contains("CORS policy 'other' covers")
                .doesNotContain("Spring CORS configuration");
        }
    }

    private static Map<String, @Nullable Object> notCarriedOver(String property, @Nullable String value,
            String reason) {
        Map<String, @Nullable Object> notCarriedOver = new HashMap<>();
        notCarriedOver.put("property", property);
        notCarriedOver.put("value", value);
        notCarriedOver.put("reason", reason);
        return notCarriedOver;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configuration(TestServer server, String kind) {
        String body = server.send("GET", "/actuator/cors/migration", Map.of()).response().body();
        List<Map<String, Object>> configurations = (List<Map<String, Object>>) BootLine.jsonObject(body)
            .get("configurations");
        return configurations.stream().filter((configuration) -> kind.equals(configuration.get("kind")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No " + kind + " in " + body));
    }

    /** What the application says at startup when the property holds the value the source bean allows. */
    private static String startupMessage(String property) {
        StandardEnvironment environment = new StandardEnvironment();
        String policy = "cors.policies." + PARTNER_POLICY;
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(policy + ".paths[0]",
                "/partner/**", property, "https://*", policy + ".allow-credentials", "true")));
        CorsConfigurationException failure = catchThrowableOfType(CorsConfigurationException.class,
                () -> new CorsConfigurationLoader().load(environment));
        return failure.getProblems().stream()
            .filter((problem) -> problem.property().equals(property))
            .map(ConfigProblem::describe)
            .findFirst()
            .orElseThrow();
    }

    private static Class<?> sourceConfiguration(Stack stack) {
        return stack.reactive() ? ReactiveSource.class : ServletSource.class;
    }

    private static Class<?> filterConfiguration(Stack stack) {
        return stack.reactive() ? ReactiveFilter.class : ServletFilter.class;
    }

    private static CorsConfiguration partner() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of("https://partner.example"));
        configuration.setAllowedOriginPatterns(List.of("https://*"));
        configuration.setAllowedMethods(List.of("GET", "PUT"));
        configuration.setAllowedHeaders(List.of("Content-Type"));
        configuration.setAllowCredentials(true);
        configuration.setMaxAge(600L);
        return configuration;
    }

    @Configuration(proxyBeanMethods = false)
    static class ServletSource {

        @Bean
        org.springframework.web.cors.UrlBasedCorsConfigurationSource corsConfigurationSource() {
            var source = new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/partner/**", partner());
            return source;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReactiveSource {

        @Bean
        org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource corsConfigurationSource() {
            var source = new org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/partner/**", partner());
            return source;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ServletFilter {

        @Bean
        CorsFilter corsFilter() {
            var source = new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/filtered/**", new CorsConfiguration().applyPermitDefaultValues());
            return new CorsFilter(source);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReactiveFilter {

        @Bean
        org.springframework.web.cors.reactive.CorsWebFilter corsFilter() {
            var source = new org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/filtered/**", new CorsConfiguration().applyPermitDefaultValues());
            return new org.springframework.web.cors.reactive.CorsWebFilter(source);
        }
    }
}
