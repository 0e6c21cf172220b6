package io.corsboot.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.cors.CorsConfiguration;

import io.corsboot.migration.MigrationReport;
import io.corsboot.migration.MigrationReport.ConfigurationReport;
import io.corsboot.migration.MigrationReport.NotCarriedOver;
import io.corsboot.migration.MigrationReporter;
import io.corsboot.migration.SpringCorsEntry;
import io.corsboot.migration.SpringCorsEntry.Kind;
import io.corsboot.web.PolicySnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the report carries over of a Spring configuration, checked by the startup validation. */
class MigrationReporterTests {

    @Test
    void leavesOutEachRefusedValueAndKeepsTheOthers() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(List.of("https://*", "http://*", "https://*.shop.example"));
        configuration.setAllowCredentials(true);
        configuration.setMaxAge(60L);
        ConfigurationReport report = reportOf(configuration);
        assertThat(report.notCarriedOver()).extracting(NotCarriedOver::value).containsExactly("https://*", "http://*");
        assertThat(report.yaml()).contains("allowed-origin-patterns: [\"https://*.shop.example\"]\n");
    }

    @Test
    void carriesNothingOverWhenEveryPathIsRefused() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of("https://shop.example"));
        configuration.setMaxAge(60L);
        MigrationReport report = reporter(
                SpringCorsEntry.of(Kind.CORS_MAPPING, "addCorsMappings", List.of("/api/{*rest}/x"), configuration))
            .report();
        assertThat(report.configurations()).singleElement().satisfies((entry) -> {
            assertThat(entry.policy()).isNull();
            assertThat(entry.yaml()).isNull();
            assertThat(entry.notCarriedOver()).extracting(NotCarriedOver::property)
                .containsExactly("cors.policies.api-rest-x.paths[0]");
        });
        assertThat(report.yaml()).isEmpty();
    }

    @Test
    void theHandlersOfOnePathShareOnePolicyWithTheirMethods() {
        CorsConfiguration get = new CorsConfiguration().applyPermitDefaultValues();
        get.setAllowedMethods(List.of("GET"));
        CorsConfiguration post = new CorsConfiguration().applyPermitDefaultValues();
        post.setAllowedMethods(List.of("POST"));
        MigrationReport report = new MigrationReporter(() -> List.of(
                SpringCorsEntry.of(Kind.CROSS_ORIGIN, "com.example.Orders#list", List.of("/orders"), get),
                SpringCorsEntry.of(Kind.CROSS_ORIGIN, "com.example.Orders#create", List.of("/orders"), post)),
                PolicySnapshot::empty, new MigrationConfigurationCheck(new StandardEnvironment()))
            .report();
        assertThat(report.configurations()).extracting(ConfigurationReport::policy)
            .containsExactly("orders-list", "orders-list");
        assertThat(report.configurations()).allSatisfy((entry) -> assertThat(entry.notCarriedOver()).isEmpty());
        assertThat(report.yaml()).isEqualTo("""
                cors:
                  policies:
                    orders-list:
                      paths: ["/orders"]
                      allowed-origins: ["*"]
                      allowed-methods: ["GET", "POST"]
                      allowed-headers: ["*"]
                      max-age: 1800
                """);
    }

    @Test
    void aTranslationNeverTakesTheNameOfAPolicyInForce() {
        MockEnvironment environment = new MockEnvironment().withProperty("cors.policies.orders.paths", "/shop/**")
            .withProperty("cors.policies.orders.allowed-origins", "https://shop.example");
        MigrationReport report = reporter(environment,
                SpringCorsEntry.of(Kind.CORS_MAPPING, "addCorsMappings", List.of("/orders/**"), orders()))
            .report();
        assertThat(report.configurations()).extracting(ConfigurationReport::policy).containsExactly("orders-2");
        assertThat(report.yaml()).contains("    orders-2:\n").doesNotContain("    orders:\n");
    }

    @Test
    void aPathWhereAPolicyDecidesIsNotCarriedOverAndTheOthersAre() {
        MockEnvironment environment = new MockEnvironment().withProperty("cors.policies.api.paths", "/api/**")
            .withProperty("cors.policies.api.allowed-origins", "https://app.example");
        MigrationReport report = reporter(environment, SpringCorsEntry.of(Kind.CORS_MAPPING, "addCorsMappings",
                List.of("/api/orders/**", "/orders/**"), orders()))
            .report();
        assertThat(report.configurations()).singleElement().satisfies((entry) -> {
            assertThat(entry.notCarriedOver()).extracting(NotCarriedOver::property, NotCarriedOver::value)
                .containsExactly(tuple("cors.policies.api.paths", "/api/orders/**"));
            assertThat(entry.yaml()).contains("paths: [\"/orders/**\"]\n");
        });
        assertThat(report.yaml()).doesNotContain("/api/");
    }

    private static CorsConfiguration orders() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of("https://orders.example"));
        configuration.setMaxAge(60L);
        return configuration;
    }

    private static MigrationReporter reporter(MockEnvironment environment, SpringCorsEntry entry) {
        PolicySnapshot inForce = new CorsConfigurationLoader().load(environment);
        return new MigrationReporter(() -> List.of(entry), () -> inForce,
                new MigrationConfigurationCheck(environment));
    }

    private static ConfigurationReport reportOf(CorsConfiguration configuration) {
        return reporter(SpringCorsEntry.of(Kind.CORS_CONFIGURATION_SOURCE, "bean shop", List.of("/shop/**"),
                configuration))
            .report()
            .configurations()
            .get(0);
    }

    private static MigrationReporter reporter(SpringCorsEntry entry) {
        return new MigrationReporter(() -> List.of(entry), PolicySnapshot::empty,
                new MigrationConfigurationCheck(new StandardEnvironment()));
    }
}
