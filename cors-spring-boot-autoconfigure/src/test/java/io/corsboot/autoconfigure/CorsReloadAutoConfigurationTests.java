package io.corsboot.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;

import io.corsboot.metrics.CandidateMetrics;
import io.corsboot.web.CandidateReport;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Auto-configuration of reloads, supplied origins and candidate reports. */
class CorsReloadAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsServletAutoConfiguration.class,
                CorsReloadAutoConfiguration.class));

    @Test
    void reloadsOnRefreshWhenSpringCloudContextIsPresent() {
        this.contextRunner.withPropertyValues("cors.policies.api.paths=/api/**")
            .run((context) -> assertThat(context).hasSingleBean(CorsConfigurationReloader.class)
                .hasSingleBean(LoadedPropertyView.class)
                .hasSingleBean(OriginSupplierRegistrar.class));
    }

    @Test
    void putsTheNewPoliciesInForceBeforeTheEventsOtherListenersRun() {
        this.contextRunner.withUserConfiguration(SnapshotSeenByAnotherListener.class)
            .withPropertyValues("cors.policies.api.paths=/api/**",
                    "cors.policies.api.allowed-origins=https://app.example.com")
            .run((context) -> {
                TestPropertyValues.of("cors.policies.api.allowed-origins=https://new.example.com")
                    .applyTo(context.getEnvironment());
                context.publishEvent(new EnvironmentChangeEvent(context, Set.of("cors.policies.api.allowed-origins")));
                assertThat(context.getBean(SnapshotSeenByAnotherListener.class).seen.get().policies())
                    .singleElement()
                    .satisfies((policy) -> assertThat(policy.spec().allowedOrigins().value())
                        .containsExactly("https://new.example.com"));
            });
    }

    @Test
    void reloadsWhenTheEventSpellsACorsKeyInBrackets() {
        this.contextRunner.withPropertyValues("cors.policies.api.paths=/api/**",
                "cors.policies.api.allowed-origins=https://app.example.com")
            .run((context) -> {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("refreshed",
                        Map.of("cors[policies][api].allowed-origins", "https://new.example.com")));
                context.publishEvent(
                        new EnvironmentChangeEvent(context, Set.of("cors[policies][api].allowed-origins")));
                assertThat(context.getBean(PolicySnapshotHolder.class).get().policies()).singleElement()
                    .satisfies((policy) -> assertThat(policy.spec().allowedOrigins().value())
                        .containsExactly("https://new.example.com"));
            });
    }

    @Test
    void installsTheFilterWithoutPoliciesWhenARefreshCanAddThem() {
        this.contextRunner.run((context) -> assertThat(context).hasSingleBean(FilterRegistrationBean.class));
    }

    @Test
    void installsNoFilterWithoutPoliciesWhenNothingCanAddThem() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
            .run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
                .doesNotHaveBean(CorsConfigurationReloader.class));
    }

    @Test
    void readsSuppliedOriginsWithoutSpringCloudContext() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
            .withPropertyValues("cors.policies.api.paths=/api/**")
            .run((context) -> assertThat(context).hasSingleBean(OriginSupplierRegistrar.class)
                .doesNotHaveBean(CorsConfigurationReloader.class)
                .doesNotHaveBean(LoadedPropertyView.class));
    }

    @Test
    void changesNothingWhenDisabled() {
        this.contextRunner.withPropertyValues("cors.enabled=false", "cors.policies.api.paths=/api/**")
            .run((context) -> assertThat(context).doesNotHaveBean(CorsConfigurationReloader.class)
                .doesNotHaveBean(OriginSupplierRegistrar.class)
                .doesNotHaveBean(CandidateReport.class));
    }

    @Test
    void reportsCandidateDisagreementsWithoutMicrometer() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(CandidateReport.class)
                .doesNotHaveBean(CandidateMetrics.class));
    }

    /** A listener of the event that comes early, before Spring Cloud's own, and notes the policies in force. */
    @Configuration(proxyBeanMethods = false)
    static class SnapshotSeenByAnotherListener {

        private final AtomicReference<PolicySnapshot> seen = new AtomicReference<>();

        @Bean
        @Order(0)
        ApplicationListener<EnvironmentChangeEvent> snapshotSeen(PolicySnapshotHolder holder) {
            return (event) -> this.seen.set(holder.get());
        }
    }
}
