package io.corsboot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.corsboot.reactive.CorsReactiveWebFilter;
import io.corsboot.servlet.CorsServletFilter;
import io.corsboot.web.CorsProcessor;

import static org.assertj.core.api.Assertions.assertThat;

class CorsServletAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsServletAutoConfiguration.class,
                CorsReactiveAutoConfiguration.class))
        .withPropertyValues("cors.policies.api.paths=/api/**", "cors.policies.api.allowed-origins=https://app.example.com");

    @Test
    void installsTheServletFilterAndNoWebFilterWhenBothStacksAreOnTheClasspath() {
        this.contextRunner.run((context) -> {
            assertThat(corsRegistration(context)).isNotNull();
            assertThat(context).doesNotHaveBean(CorsReactiveWebFilter.class);
        });
    }

    @Test
    void installsTheServletFilterWithoutWebFluxOnTheClasspath() {
        this.contextRunner
            .withClassLoader(new FilteredClassLoader("org.springframework.web.reactive", "org.springframework.web.server"))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(corsRegistration(context)).isNotNull();
                assertThat(context).doesNotHaveBean(CorsReactiveWebFilter.class);
            });
    }

    @Test
    void installsNothingWhenDisabled() {
        this.contextRunner.withPropertyValues("cors.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void installsNothingWithoutPolicies() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsServletAutoConfiguration.class,
                    CorsReactiveAutoConfiguration.class))
            .withPropertyValues("cors.defaults.allowed-origins=https://app.example.com")
            .run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
                .doesNotHaveBean(CorsReactiveWebFilter.class));
    }

    @Test
    void installsNoFilterInANonWebApplication() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsServletAutoConfiguration.class,
                    CorsReactiveAutoConfiguration.class))
            .withPropertyValues("cors.policies.api.paths=/api/**",
                    "cors.policies.api.allowed-origins=https://app.example.com")
            .run((context) -> assertThat(context).hasSingleBean(CorsProcessor.class)
                .doesNotHaveBean(FilterRegistrationBean.class)
                .doesNotHaveBean(CorsServletFilter.class)
                .doesNotHaveBean(CorsReactiveWebFilter.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesTheFilter() {
        this.contextRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
            assertThat(context).hasSingleBean(CorsServletFilter.class);
            assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
        });
    }

    @Test
    void backsOffWhenTheApplicationRegistersTheFilter() {
        this.contextRunner.withUserConfiguration(UserRegistrationConfiguration.class)
            .run((context) -> assertThat(context).getBeanNames(FilterRegistrationBean.class)
                .containsExactly("userCorsFilter"));
    }

    @Test
    void ordersTheFilterJustBeforeSpringSecurity() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
                UserDetailsServiceAutoConfiguration.class))
            .run((context) -> assertThat(corsRegistration(context).getOrder())
                .isEqualTo(securityRegistration(context).getOrder() - 1));
    }

    @Test
    void ordersTheFilterJustBeforeSpringSecurityWhenSecurityIsMoved() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
                UserDetailsServiceAutoConfiguration.class))
            .withPropertyValues("spring.security.filter.order=20")
            .run((context) -> {
                assertThat(securityRegistration(context).getOrder()).isEqualTo(20);
                assertThat(corsRegistration(context).getOrder()).isEqualTo(19);
            });
    }

    @Test
    void staysAfterTheForwardedHeaderFilterWhenSecurityIsMovedToTheFront() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
                UserDetailsServiceAutoConfiguration.class))
            .withPropertyValues("spring.security.filter.order=" + (Integer.MIN_VALUE + 1))
            .run((context) -> assertThat(corsRegistration(context).getOrder()).isEqualTo(Integer.MIN_VALUE + 2));
    }

    private static FilterRegistrationBean<?> corsRegistration(AssertableWebApplicationContext context) {
        return context.getBeansOfType(FilterRegistrationBean.class)
            .values()
            .stream()
            .filter((registration) -> registration.getFilter() instanceof CorsServletFilter)
            .findFirst()
            .orElseThrow();
    }

    private static AbstractFilterRegistrationBean<?> securityRegistration(AssertableWebApplicationContext context) {
        return context.getBean("securityFilterChainRegistration", AbstractFilterRegistrationBean.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class UserFilterConfiguration {

        @Bean
        CorsServletFilter userCorsFilter(CorsProcessor corsProcessor) {
            return new CorsServletFilter(corsProcessor);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRegistrationConfiguration {

        @Bean
        FilterRegistrationBean<CorsServletFilter> userCorsFilter(CorsProcessor corsProcessor) {
            return new FilterRegistrationBean<>(new CorsServletFilter(corsProcessor));
        }
    }
}
