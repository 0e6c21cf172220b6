package io.corsboot.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ConfigurableApplicationContext;

import io.corsboot.actuate.CorsInfoContributor;
import io.corsboot.metrics.PoliciesGauge;
import io.corsboot.testing.TenantOrigins;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@code cors.policies} gauge and the {@code cors} info on both stacks: at startup, after a reload that is applied
 * or refused, and after supplied origins change.
 */
class CorsFleetAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(CorsAutoConfiguration.class,
            CorsServletAutoConfiguration.class, CorsReactiveAutoConfiguration.class, CorsMetricsAutoConfiguration.class,
            CorsReloadAutoConfiguration.class, CorsInfoContributorAutoConfiguration.class,
            InfoContributorAutoConfiguration.class, InfoEndpointAutoConfiguration.class);

    private static final String[] PROPERTIES = { "management.endpoints.web.exposure.include=info",
            "cors.policies.api.paths=/api/**", "cors.policies.api.allowed-origins=https://a.example.com",
            "cors.policies.admin.paths=/admin/**", "cors.policies.admin.allowed-origins=https://a.example.com" };

    enum Stack {

        SERVLET, REACTIVE;

        void run(ContextConsumer<ConfigurableApplicationContext> test, String... properties) {
            if (this == SERVLET) {
                configure(new WebApplicationContextRunner(), properties).run(test::accept);
            }
            else {
                configure(new ReactiveWebApplicationContextRunner(), properties).run(test::accept);
            }
        }

        private static <R extends AbstractApplicationContextRunner<R, ?, ?>> R configure(R runner,
                String... properties) {
            return runner.withConfiguration(CONFIGURATIONS)
                .withBean(SimpleMeterRegistry.class)
                .withBean(TenantOrigins.class, () -> new TenantOrigins("api", List.of()))
                .withPropertyValues(PROPERTIES)
                .withPropertyValues(properties);
        }
    }

    @ParameterizedTest
    @EnumSource
    void showThePoliciesInForceAtStartup(Stack stack) {
        stack.run((context) -> {
            String fingerprint = fingerprint(context);
            assertThat(gauges(context)).containsExactly(tuple(fingerprint, "applied", 2.0));
            assertThat(info(context)).containsExactly(Map.entry("fingerprint", fingerprint),
                    Map.entry("policies", 2), Map.entry("refused", false), Map.entry("pendingSuppliers", List.of()));
        });
    }

    @ParameterizedTest
    @EnumSource
    void replaceTheGaugeWhenAReloadIsApplied(Stack stack) {
        stack.run((context) -> {
            String before = fingerprint(context);
            reload(context, "cors.policies.extra.paths=/extra/**");
            String after = fingerprint(context);
            assertThat(after).isNotEqualTo(before);
            assertThat(gauges(context)).containsExactly(tuple(after, "applied", 3.0));
            assertThat(info(context)).containsExactly(Map.entry("fingerprint", after), Map.entry("policies", 3),
                    Map.entry("refused", false), Map.entry("pendingSuppliers", List.of()));
        });
    }

    @ParameterizedTest
    @EnumSource
    void sayRefusedWithTheFingerprintInForceWhenAReloadIsRefused(Stack stack) {
        stack.run((context) -> {
            String before = fingerprint(context);
            reload(context, "cors.policies.api.allowed-origins=https://b.example.com/");
            assertThat(fingerprint(context)).isEqualTo(before);
            assertThat(gauges(context)).containsExactly(tuple(before, "refused", 2.0));
            assertThat(info(context)).containsExactly(Map.entry("fingerprint", before), Map.entry("policies", 2),
                    Map.entry("refused", true), Map.entry("pendingSuppliers", List.of()));
            reload(context, "cors.policies.api.allowed-origins=https://b.example.com");
            assertThat(gauges(context)).containsExactly(tuple(fingerprint(context), "applied", 2.0));
            assertThat(info(context)).containsEntry("refused", false);
        });
    }

    @ParameterizedTest
    @EnumSource
    void followTheOriginsASupplierGives(Stack stack) {
        stack.run((context) -> {
            String before = fingerprint(context);
            context.getBean(TenantOrigins.class).change(List.of("https://tenant.example.com"));
            String after = fingerprint(context);
            assertThat(after).isNotEqualTo(before);
            assertThat(gauges(context)).containsExactly(tuple(after, "applied", 2.0));
            assertThat(info(context)).containsEntry("fingerprint", after);
        });
    }

    @ParameterizedTest
    @EnumSource
    void showNoPoliciesWhenCorsIsDisabled(Stack stack) {
        stack.run((context) -> {
            assertThat(gauges(context)).containsExactly(tuple(fingerprint(context), "applied", 0.0));
            assertThat(info(context)).containsEntry("policies", 0);
        }, "cors.enabled=false");
    }

    @ParameterizedTest
    @EnumSource
    void leaveTheInfoOutWhenTheApplicationTurnsItOff(Stack stack) {
        stack.run((context) -> {
            assertThat(context.getBeansOfType(CorsInfoContributor.class)).isEmpty();
            assertThat(context.getBean(InfoEndpoint.class).info()).doesNotContainKey("cors");
            assertThat(gauges(context)).hasSize(1);
        }, "management.info.cors.enabled=false");
    }

    @Test
    void leaveTheInfoOutWhenTheApplicationTurnsEveryDefaultContributorOff() {
        Stack.SERVLET.run((context) -> assertThat(context.getBeansOfType(CorsInfoContributor.class)).isEmpty(),
                "management.info.defaults.enabled=false");
    }

    @Test
    void removeTheGaugeWhenTheApplicationStops() {
        Stack.SERVLET.run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.close();
            assertThat(registry.find(PoliciesGauge.NAME).gauges()).isEmpty();
        });
    }

    @Test
    void startWithoutActuator() {
        new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withPropertyValues(PROPERTIES)
            .withClassLoader(new FilteredClassLoader(InfoContributor.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CorsInfoContributor.class));
    }

    private static String fingerprint(ConfigurableApplicationContext context) {
        return context.getBean(PolicySnapshotHolder.class).get().fingerprint();
    }

    private static List<Tuple> gauges(ConfigurableApplicationContext context) {
        Collection<Gauge> gauges = context.getBean(MeterRegistry.class).find(PoliciesGauge.NAME).gauges();
        return gauges.stream()
            .map((gauge) -> tuple(gauge.getId().getTag("fingerprint"), gauge.getId().getTag("state"), gauge.value()))
            .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> info(ConfigurableApplicationContext context) {
        return (Map<String, Object>) context.getBean(InfoEndpoint.class).info().get("cors");
    }

    // As Spring Cloud does on a refresh: the environment changes, then the changed keys are published.
    private static void reload(ConfigurableApplicationContext context, String property) {
        TestPropertyValues.of(property).applyTo(context);
        context.publishEvent(new EnvironmentChangeEvent(context, Set.of(property.substring(0, property.indexOf('=')))));
    }

    /** Origins for the policy {@code api}, changed on demand. */
}
