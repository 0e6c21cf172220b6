package io.corsboot.startup;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.WebFilter;

import io.corsboot.autoconfigure.CorsProperties;

/**
 * The Spring side of what the starter does at startup, with nothing of CORS in it: {@code cors.*} bound by Spring
 * Boot onto the starter's {@link CorsProperties}, an {@code INFO} line for each policy, a filter that passes every
 * request on, an Actuator endpoint {@code cors} with the starter's operations and a web extension, answering nothing,
 * and the {@code cors.policies} gauge. With {@code -Dstartup.spring-parts=true} and the starter's auto-configurations
 * excluded, {@code scripts/startup-lines.sh} measures what Spring Boot, Actuator and Micrometer charge for these parts
 * alone: the least that any starter with the contract's binding, filter, endpoint and gauge adds to startup.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("startup.spring-parts")
@EnableConfigurationProperties(CorsProperties.class)
// Imported rather than annotated @Configuration, which component scanning would find without this class's condition
@Import({ SpringPartsConfiguration.ServletFilter.class, SpringPartsConfiguration.ReactiveFilter.class })
class SpringPartsConfiguration {

    private static final Log logger = LogFactory.getLog(SpringPartsConfiguration.class);

    @Bean
    PartsEndpoint partsEndpoint(CorsProperties properties) {
        properties.getPolicies()
            .forEach((name, policy) -> logger.info("Policy '" + name + "' covers " + policy.getPaths()));
        return new PartsEndpoint();
    }

    @Bean
    PartsEndpointWebExtension partsEndpointWebExtension() {
        return new PartsEndpointWebExtension();
    }

    @Bean
    Gauge partsGauge(MeterRegistry registry, CorsProperties properties) {
        return Gauge.builder("cors.policies", () -> properties.getPolicies().size())
            .tag("fingerprint", "0")
            .tag("state", "applied")
            .register(registry);
    }

    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletFilter {

        @Bean
        FilterRegistrationBean<Filter> partsFilter() {
            return new FilterRegistrationBean<>((request, response, chain) -> chain.doFilter(request, response));
        }
    }

    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class ReactiveFilter {

        @Bean
        WebFilter partsFilter() {
            return (exchange, chain) -> chain.filter(exchange);
        }
    }

    @Endpoint(id = "cors")
    static class PartsEndpoint {

        @ReadOperation
        Map<String, Object> policies() {
            return Map.of();
        }

        @SuppressWarnings("deprecation")
        @ReadOperation
        @Nullable Map<String, Object> check(@Selector String operation,
                @org.springframework.lang.Nullable @Nullable String path,
                @org.springframework.lang.Nullable @Nullable String origin,
                @org.springframework.lang.Nullable @Nullable String method,
                @org.springframework.lang.Nullable @Nullable String headers,
                @org.springframework.lang.Nullable @Nullable String contentType,
                @org.springframework.lang.Nullable @Nullable String privateNetwork,
                @org.springframework.lang.Nullable @Nullable String host) {
            return null;
        }
    }

    @EndpointWebExtension(endpoint = PartsEndpoint.class)
    static class PartsEndpointWebExtension {

        @SuppressWarnings("deprecation")
        @ReadOperation
        WebEndpointResponse<Map<String, Object>> check(@Selector String operation,
                @org.springframework.lang.Nullable @Nullable String path,
                @org.springframework.lang.Nullable @Nullable String origin,
                @org.springframework.lang.Nullable @Nullable String method,
                @org.springframework.lang.Nullable @Nullable String headers,
                @org.springframework.lang.Nullable @Nullable String contentType,
                @org.springframework.lang.Nullable @Nullable String privateNetwork,
                @org.springframework.lang.Nullable @Nullable String host) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
    }
}
