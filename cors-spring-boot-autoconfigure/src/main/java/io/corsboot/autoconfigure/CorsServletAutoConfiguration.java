package io.corsboot.autoconfigure;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import io.corsboot.servlet.CorsServletFilter;
import io.corsboot.servlet.HandlerMappingCorsPostProcessor;
import io.corsboot.servlet.SecurityFilterChainCorsPostProcessor;
import io.corsboot.web.CorsDecider;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that installs the CORS filter in servlet applications, and
 * makes Spring MVC's and Spring Security's own CORS processing leave the paths a policy covers to the policy.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Filter.class, FilterRegistrationBean.class })
@ConditionalOnBooleanProperty(name = "cors.enabled", matchIfMissing = true)
@Conditional(OnCorsPoliciesCondition.class)
@ConditionalOnBean(CorsDecider.class)
public final class CorsServletAutoConfiguration {

    /** Spring Security's servlet filter chain order when {@code spring.security.filter.order} is not set. */
    static final int DEFAULT_SECURITY_FILTER_ORDER = -100;

    // What Boot's ConditionalOnMissingFilterBean says, in words that both Boot lines know: it moved in Boot 4
    @Bean
    @ConditionalOnMissingBean(value = CorsServletFilter.class, parameterizedContainer = FilterRegistrationBean.class)
    FilterRegistrationBean<CorsServletFilter> corsServletFilter(CorsDecider corsDecider, Environment environment) {
        FilterRegistrationBean<CorsServletFilter> registration = new FilterRegistrationBean<>(
                new CorsServletFilter(corsDecider));
        registration.setOrder(orderBeforeSecurity(environment));
        // The request it decides, and the error page it writes the decision on again: see CorsServletFilter.
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Just before Spring Security, wherever {@code spring.security.filter.order} puts it, so that preflights never
     * meet authentication; never before the forwarded-header and observation filters at the highest precedence.
     */
    static int orderBeforeSecurity(Environment environment) {
        int security = environment.getProperty("spring.security.filter.order", Integer.class,
                DEFAULT_SECURITY_FILTER_ORDER);
        return Math.max(Ordered.HIGHEST_PRECEDENCE + 2, security - 1);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.servlet.handler.AbstractHandlerMapping")
    static class SpringMvcCorsConfiguration {

        @Bean
        static HandlerMappingCorsPostProcessor corsHandlerMappingPostProcessor() {
            return new HandlerMappingCorsPostProcessor();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.SecurityFilterChain")
    static class SpringSecurityCorsConfiguration {

        @Bean
        static SecurityFilterChainCorsPostProcessor corsSecurityFilterChainPostProcessor() {
            return new SecurityFilterChainCorsPostProcessor();
        }
    }
}
