package io.corsboot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.WebFilter;

import io.corsboot.reactive.CorsReactiveWebFilter;
import io.corsboot.reactive.DeferringReactiveCorsProcessor;
import io.corsboot.reactive.ReactiveHandlerMappingCorsPostProcessor;
import io.corsboot.reactive.SecurityWebFilterChainCorsPostProcessor;
import io.corsboot.web.CorsDecider;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that installs the CORS web filter in reactive applications, and
 * makes WebFlux's and Spring Security's own CORS processing leave the paths a policy covers to the policy.
 * Spring Security's reactive filter chain has a fixed order, so {@code spring.security.filter.order} (a servlet
 * setting) plays no part here.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
@ConditionalOnBooleanProperty(name = "cors.enabled", matchIfMissing = true)
@Conditional(OnCorsPoliciesCondition.class)
@ConditionalOnBean(CorsDecider.class)
public final class CorsReactiveAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CorsReactiveWebFilter corsReactiveWebFilter(CorsDecider corsDecider) {
        return new CorsReactiveWebFilter(corsDecider);
    }

    // Spring Boot runs a reactive web application only with WebFlux, whose handler mappings this post-processes.
    @Bean
    static ReactiveHandlerMappingCorsPostProcessor corsHandlerMappingPostProcessor() {
        return new ReactiveHandlerMappingCorsPostProcessor();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.server.SecurityWebFilterChain")
    static class SpringSecurityCorsConfiguration {

        @Bean
        static SecurityWebFilterChainCorsPostProcessor corsSecurityWebFilterChainPostProcessor() {
            return new SecurityWebFilterChainCorsPostProcessor();
        }
    }

    /**
     * When the application declares no {@code SecurityWebFilterChain} bean, Spring Security builds its default
     * chain itself, out of reach of a bean post-processor. That chain holds a {@code CorsWebFilter} when the
     * application declares a reactive {@code CorsConfigurationSource} bean, built with the application's reactive
     * {@code CorsProcessor} bean if there is exactly one ({@code ServerHttpSecurity.CorsSpec}); no other part of
     * Spring Framework, Spring Boot or Spring Security looks that bean up.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.config.web.server.ServerHttpSecurity")
    static class SpringSecurityDefaultChainCorsConfiguration {

        // Typed on Spring's interface: a processor of the application's own, of any class, makes this back off, so
        // that Spring Security finds exactly one.
        @Bean
        @ConditionalOnMissingBean(org.springframework.web.cors.reactive.CorsProcessor.class)
        DeferringReactiveCorsProcessor corsSecurityCorsProcessor() {
            return new DeferringReactiveCorsProcessor(new DefaultCorsProcessor());
        }
    }
}
