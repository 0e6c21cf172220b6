package io.corsboot.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.web.server.WebFilter;

import io.corsboot.reactive.CorsReactiveWebFilter;
import io.corsboot.servlet.CorsServletFilter;
import io.corsboot.web.CorsProcessor;

import static org.assertj.core.api.Assertions.assertThat;

class CorsReactiveAutoConfigurationTests {

    private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsServletAutoConfiguration.class,
                CorsReactiveAutoConfiguration.class))
        .withPropertyValues("cors.policies.api.paths=/api/**", "cors.policies.api.allowed-origins=https://app.example.com");

    @Test
    void installsTheWebFilterAndNoServletFilterWhenBothStacksAreOnTheClasspath() {
        this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CorsReactiveWebFilter.class)
            .doesNotHaveBean(FilterRegistrationBean.class)
            .doesNotHaveBean(CorsServletFilter.class));
    }

    @Test
    void installsTheWebFilterWithoutTheServletStackOnTheClasspath() {
        this.contextRunner
            .withClassLoader(new FilteredClassLoader("jakarta.servlet", "org.springframework.web.servlet",
                    "org.springframework.boot.web.servlet"))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(CorsReactiveWebFilter.class)
                .doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void installsNothingWhenDisabled() {
        this.contextRunner.withPropertyValues("cors.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(CorsReactiveWebFilter.class));
    }

    @Test
    void installsNothingWithoutPolicies() {
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsServletAutoConfiguration.class,
                    CorsReactiveAutoConfiguration.class))
            .withPropertyValues("cors.defaults.allowed-origins=https://app.example.com")
            .run((context) -> assertThat(context).doesNotHaveBean(CorsReactiveWebFilter.class)
                .doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesTheWebFilter() {
        this.contextRunner.withUserConfiguration(UserFilterConfiguration.class)
            .run((context) -> assertThat(context).getBeanNames(CorsReactiveWebFilter.class)
                .containsExactly("userCorsFilter"));
    }

    @Test
    void runsBeforeSpringSecurity() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class))
            .run((context) -> assertThat(webFilterTypes(context)).containsSubsequence(CorsReactiveWebFilter.class,
                    WebFilterChainProxy.class));
    }

    @Test
    void runsBeforeSpringSecurityWhateverTheServletSecurityOrderSays() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class))
            .withPropertyValues("spring.security.filter.order=-1000")
            .run((context) -> assertThat(webFilterTypes(context)).containsSubsequence(CorsReactiveWebFilter.class,
                    WebFilterChainProxy.class));
    }

    // The order WebHttpHandlerBuilder.applicationContext(...) applies the filters in.
    private static List<Class<?>> webFilterTypes(ApplicationContext context) {
        return context.getBeanProvider(WebFilter.class).orderedStream().<Class<?>>map(Object::getClass).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class UserFilterConfiguration {

        @Bean
        CorsReactiveWebFilter userCorsFilter(CorsProcessor corsProcessor) {
            return new CorsReactiveWebFilter(corsProcessor);
        }
    }
}
