package io.corsboot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.pattern.PathPattern;

import io.corsboot.metrics.CandidateMetrics;
import io.corsboot.web.CandidateReport;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that reports where a policy's candidate disagrees with the
 * policy: an INFO line at most once a minute per policy and, with Micrometer, the {@code cors.candidate} counter.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CorsAutoConfiguration.class, afterName = {
        // Where Spring Boot 4 and Spring Boot 3 keep the meter registry's auto-configurations
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(PathPattern.class)
@ConditionalOnBooleanProperty(name = "cors.enabled", matchIfMissing = true)
public final class CorsCandidateAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CandidateReport corsCandidateReport() {
        return new CandidateReport();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBean(MeterRegistry.class)
    static class CandidateMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CandidateMetrics corsCandidateMetrics(MeterRegistry meterRegistry) {
            return new CandidateMetrics(meterRegistry);
        }
    }
}
