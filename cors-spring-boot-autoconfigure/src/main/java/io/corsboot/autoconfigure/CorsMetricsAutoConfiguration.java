package io.corsboot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.corsboot.metrics.CandidateMetrics;
import io.corsboot.metrics.MicrometerDecisionListener;
import io.corsboot.metrics.PoliciesGauge;
import io.corsboot.web.CorsDecider;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that counts CORS decisions with Micrometer, on both web stacks,
 * and where a policy's candidate disagrees with the policy ({@code cors.candidate}), and shows the policies in force
 * in the {@code cors.policies} gauge.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CorsAutoConfiguration.class, afterName = {
        // Where Spring Boot 4 and Spring Boot 3 keep the meter registry's auto-configurations
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, CorsDecider.class })
public final class CorsMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MicrometerDecisionListener corsMicrometerDecisionListener(MeterRegistry meterRegistry) {
        return new MicrometerDecisionListener(meterRegistry);
    }

    // Fed by the holder on every change, so the gauge costs no request anything.
    @Bean
    @ConditionalOnMissingBean
    PoliciesGauge corsPoliciesGauge(MeterRegistry meterRegistry, PolicySnapshotHolder corsPolicySnapshotHolder) {
        PoliciesGauge gauge = new PoliciesGauge(meterRegistry);
        corsPolicySnapshotHolder.addListener((snapshot) -> gauge.show(snapshot.fingerprint(),
                snapshot.policies().size(), snapshot.refused() != null, !snapshot.pendingSuppliers().isEmpty()));
        return gauge;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "cors.enabled", matchIfMissing = true)
    CandidateMetrics corsCandidateMetrics(MeterRegistry meterRegistry) {
        return new CandidateMetrics(meterRegistry);
    }
}
