package io.corsboot.benchmarks.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** A meter registry, and with it the starter's {@code cors.requests} counters, without Actuator. */
@Configuration(proxyBeanMethods = false)
@Profile("micrometer")
class MeterRegistryConfiguration {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
