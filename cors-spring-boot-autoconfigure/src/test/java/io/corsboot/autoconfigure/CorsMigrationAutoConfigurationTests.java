package io.corsboot.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.cors.CorsConfiguration;

import io.corsboot.actuate.CorsEndpoint;
import io.corsboot.migration.ActuatorCorsSource;
import io.corsboot.migration.MigrationReporter;
import io.corsboot.migration.MvcCorsSource;
import io.corsboot.migration.ReactiveCorsBeansSource;
import io.corsboot.migration.ServletCorsBeansSource;
import io.corsboot.migration.SpringCorsEntry;
import io.corsboot.migration.SpringCorsEntry.Kind;
import io.corsboot.migration.SpringCorsSource;
import io.corsboot.migration.WebFluxCorsSource;
import io.corsboot.web.PolicySnapshot;

import static org.assertj.core.api.Assertions.assertThat;

class CorsMigrationAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsMigrationAutoConfiguration.class,
                CorsEndpointAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=cors");

    @Test
    void readsSpringMvcAndServletBeansInAServletApplication() {
        this.contextRunner.run((context) -> assertThat(context).hasSingleBean(MigrationReporter.class)
            .hasSingleBean(MvcCorsSource.class)
            .hasSingleBean(ServletCorsBeansSource.class)
            .hasSingleBean(ActuatorCorsSource.class)
            .doesNotHaveBean(WebFluxCorsSource.class)
            .doesNotHaveBean(ReactiveCorsBeansSource.class));
    }

    @Test
    void readsWebFluxAndReactiveBeansInAReactiveApplication() {
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsMigrationAutoConfiguration.class))
            .run((context) -> assertThat(context).hasSingleBean(MigrationReporter.class)
                .hasSingleBean(WebFluxCorsSource.class)
                .hasSingleBean(ReactiveCorsBeansSource.class)
                .doesNotHaveBean(MvcCorsSource.class)
                .doesNotHaveBean(ServletCorsBeansSource.class));
    }

    @Test
    void offersNoReportOutsideAWebApplication() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsMigrationAutoConfiguration.class))
            .run((context) -> assertThat(context).doesNotHaveBean(MigrationReporter.class)
                .doesNotHaveBean(SpringCorsSource.class));
    }

    @Test
    void theEndpointReportsTheEntriesOfTheApplicationsOwnSources() {
        this.contextRunner.withBean("gatewaySource", SpringCorsSource.class,
                () -> () -> List.of(SpringCorsEntry.of(Kind.CORS_MAPPING, "gateway", List.of("/routed/**"),
                        new CorsConfiguration().applyPermitDefaultValues())))
            .run((context) -> {
                CorsEndpoint.MigrationDescriptor report = context.getBean(CorsEndpoint.class).migration();
                assertThat(report).isNotNull();
                assertThat(report.configurations()).singleElement()
                    .satisfies((entry) -> assertThat(entry.declaredBy()).isEqualTo("gateway"));
            });
    }

    @Test
    void backsOffWhenTheApplicationDefinesAReporter() {
        this.contextRunner
            .withBean("customReporter", MigrationReporter.class, () -> new MigrationReporter(List::of,
                    PolicySnapshot::empty, new MigrationConfigurationCheck(new StandardEnvironment())))
            .run((context) -> assertThat(context).hasSingleBean(MigrationReporter.class)
                .hasBean("customReporter"));
    }
}
