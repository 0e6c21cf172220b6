package io.corsboot.benchmarks.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.filter.CorsFilter;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.sample.StockCors;

/**
 * Spring Framework's own {@link CorsFilter} or {@link CorsWebFilter} with the policies of {@code cors.*}, at the
 * starter's order, in place of the starter: active with the {@code stock-cors} profile, which also sets
 * {@code cors.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("stock-cors")
class StockCorsConfiguration {

    private static final int ORDER = -101;

    @Bean
    @ConditionalOnWebApplication(type = Type.SERVLET)
    FilterRegistrationBean<CorsFilter> stockCorsFilter(Environment environment) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        StockCors.register(new CorsConfigurationLoader().load(environment), source::registerCorsConfiguration);
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    CorsWebFilter stockCorsWebFilter(Environment environment) {
        var source = new org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource();
        StockCors.register(new CorsConfigurationLoader().load(environment), source::registerCorsConfiguration);
        return new CorsWebFilter(source);
    }
}
