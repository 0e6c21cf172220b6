package io.corsboot.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.filter.CorsFilter;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.web.PolicySnapshot;

/**
 * Spring Framework's own {@link CorsFilter} or {@link CorsWebFilter} in place of the starter, with the policies of
 * {@code cors.*}: the baseline that {@code scripts/load.sh} measures the starter against. Active with the
 * {@code stock-cors} profile, which also sets {@code cors.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("stock-cors")
class StockCorsConfiguration {

    /** Before Spring Security's filter chain, where the starter puts its own filter. */
    private static final int ORDER = -101;

    @Bean
    @ConditionalOnWebApplication(type = Type.SERVLET)
    FilterRegistrationBean<CorsFilter> stockCorsFilter(Environment environment) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        register(environment, source::registerCorsConfiguration);
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    CorsWebFilter stockCorsWebFilter(Environment environment) {
        var source = new org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource();
        register(environment, source::registerCorsConfiguration);
        return new CorsWebFilter(source);
    }

    /** One configuration per path pattern of every policy, in the starter's order of precedence. */
    private static void register(Environment environment, BiConsumer<String, CorsConfiguration> registry) {
        PolicySnapshot snapshot = new CorsConfigurationLoader().load(environment);
        for (CompiledPolicy policy : snapshot.policies()) {
            CorsConfiguration configuration = configuration(policy.spec());
            policy.spec().paths().value().forEach((path) -> registry.accept(path, configuration));
        }
    }

    private static CorsConfiguration configuration(CorsPolicySpec spec) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(spec.allowedOrigins().value());
        configuration.setAllowedOriginPatterns(spec.allowedOriginPatterns().value());
        // The starter allows HEAD wherever it allows GET; Spring's configuration needs it listed.
        List<String> methods = new ArrayList<>(spec.allowedMethods().value());
        if (methods.contains("GET") && !methods.contains("HEAD")) {
            methods.add("HEAD");
        }
        configuration.setAllowedMethods(methods);
        configuration.setAllowedHeaders(spec.allowedHeaders().value());
        configuration.setExposedHeaders(spec.exposedHeaders().value());
        configuration.setAllowCredentials(spec.allowCredentials().value());
        configuration.setAllowPrivateNetwork(spec.allowPrivateNetwork().value());
        configuration.setMaxAge(spec.maxAge().value());
        return configuration;
    }
}
