package io.corsboot.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import io.corsboot.reactive.CorsReactiveWebFilter;
import io.corsboot.servlet.CorsServletFilter;
import io.corsboot.servlet.DeferringServletCorsProcessor;
import io.corsboot.servlet.HandlerMappingCorsPostProcessor;
import io.corsboot.servlet.SecurityFilterChainCorsPostProcessor;
import io.corsboot.testing.BootLine;
import io.corsboot.web.CorsDecider;

import static org.assertj.core.api.Assertions.assertThat;

class CorsServletAutoConfigurationTests {

    private static final AutoConfigurations CORS = AutoConfigurations.of(CorsAutoConfiguration.class,
            CorsServletAutoConfiguration.class, CorsReactiveAutoConfiguration.class);

    private static final String[] POLICY = { "cors.policies.api.paths=/api/**",
            "cors.policies.api.allowed-origins=https://app.example.com" };

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(CORS)
        .withPropertyValues(POLICY);

    @Test
    void installsTheServletFilterAndNoWebFilterWhenBothStacksAreOnTheClasspath() {
        this.contextRunner.run((context) -> {
            assertThat(corsRegistration(context)).isNotNull();
            assertThat(context).doesNotHaveBean(CorsReactiveWebFilter.class);
        });
    }

    // The request, and the error page that gets its decision again (an error dispatch, or the forward of Boot's
    // ErrorPageFilter): no other dispatch needs the filter.
    @Test
    void registersTheFilterForTheRequestAndItsErrorPageOnly() {
        this.contextRunner.run((context) -> assertThat(corsRegistration(context).determineDispatcherTypes())
            .containsExactlyInAnyOrder(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR));
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
    void installsNothingWithoutPoliciesWhenNoRefreshCanAddThem() {
        new WebApplicationContextRunner().withConfiguration(CORS)
            .withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
            .withPropertyValues("cors.defaults.allowed-origins=https://app.example.com")
            .run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
                .doesNotHaveBean(CorsReactiveWebFilter.class));
    }

    @Test
    void installsNoFilterInANonWebApplication() {
        new ApplicationContextRunner().withConfiguration(CORS)
            .withPropertyValues(POLICY)
            .run((context) -> assertThat(context).hasSingleBean(CorsDecider.class)
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
        this.contextRunner.withConfiguration(BootLine.SERVLET_SECURITY)
            .run((context) -> assertThat(corsRegistration(context).getOrder())
                .isEqualTo(securityRegistration(context).getOrder() - 1));
    }

    @Test
    void ordersTheFilterJustBeforeSpringSecurityWhenSecurityIsMoved() {
        this.contextRunner.withConfiguration(BootLine.SERVLET_SECURITY)
            .withPropertyValues("spring.security.filter.order=20")
            .run((context) -> {
                assertThat(securityRegistration(context).getOrder()).isEqualTo(20);
                assertThat(corsRegistration(context).getOrder()).isEqualTo(19);
            });
    }

    @Test
    void staysAfterTheForwardedHeaderFilterWhenSecurityIsMovedToTheFront() {
        this.contextRunner.withConfiguration(BootLine.SERVLET_SECURITY)
            .withPropertyValues("spring.security.filter.order=" + (Integer.MIN_VALUE + 1))
            .run((context) -> assertThat(corsRegistration(context).getOrder()).isEqualTo(Integer.MIN_VALUE + 2));
    }

    @Test
    void makesSpringMvcHandlerMappingsLeaveCoveredPathsToThePolicies() {
        this.contextRunner.withUserConfiguration(HandlerMappingConfiguration.class)
            .run((context) -> assertThat(context.getBean(SimpleUrlHandlerMapping.class).getCorsProcessor())
                .isInstanceOf(DeferringServletCorsProcessor.class));
    }

    @Test
    void installsNoHandlerMappingPostProcessorWithoutSpringMvc() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(SecurityFilterChainCorsPostProcessor.class)
                .doesNotHaveBean(HandlerMappingCorsPostProcessor.class));
    }

    @Test
    void installsNoSecurityPostProcessorWithoutSpringSecurity() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(HandlerMappingCorsPostProcessor.class)
                .doesNotHaveBean(SecurityFilterChainCorsPostProcessor.class));
    }

    @Test
    void installsNoPostProcessorWhenDisabled() {
        this.contextRunner.withPropertyValues("cors.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(HandlerMappingCorsPostProcessor.class)
                .doesNotHaveBean(SecurityFilterChainCorsPostProcessor.class));
    }

    @Test
    void springSecuritysCorsFilterLetsACoveredNavigationThroughUntouched() {
        this.contextRunner.withUserConfiguration(SecurityChainConfiguration.class).run((context) -> {
            Exchange exchange = Exchange.through(context, "/api/login");
            assertThat(exchange.handled()).isTrue();
            assertThat(exchange.response().getStatus()).isEqualTo(200);
            assertThat(exchange.response().getHeaderNames()).containsExactly("Vary");
            assertThat(exchange.response().getHeaders("Vary")).containsExactly("Origin");
        });
    }

    @Test
    void springSecuritysCorsFilterStillDecidesWhereNoPolicyApplies() {
        this.contextRunner.withUserConfiguration(SecurityChainConfiguration.class).run((context) -> {
            Exchange exchange = Exchange.through(context, "/elsewhere/login");
            assertThat(exchange.handled()).isFalse();
            assertThat(exchange.response().getStatus()).isEqualTo(403);
        });
    }

    @Test
    void springSecuritysCorsFilterKeepsTheProcessorTheApplicationGaveIt() {
        this.contextRunner.withUserConfiguration(SecurityChainConfiguration.class, RecordingProcessorConfiguration.class)
            .run((context) -> {
                RecordingCorsProcessor processor = context.getBean(RecordingCorsProcessor.class);
                Exchange.through(context, "/api/login");
                assertThat(processor.calls).isZero();
                Exchange elsewhere = Exchange.through(context, "/elsewhere/login");
                assertThat(processor.calls).isOne();
                assertThat(elsewhere.handled()).isTrue();
            });
    }

    @Test
    void springSecuritysChainKeepsItsClassAndRequestMatcher() {
        // Spring Security checks the request matchers of DefaultSecurityFilterChain beans, such as an any-request
        // chain declared before others.
        this.contextRunner.withUserConfiguration(SecurityChainConfiguration.class).run((context) -> {
            assertThat(context.getBean(SecurityFilterChain.class)).isInstanceOfSatisfying(
                    DefaultSecurityFilterChain.class,
                    (chain) -> assertThat(chain.getRequestMatcher()).isSameAs(AnyRequestMatcher.INSTANCE));
        });
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

    /**
     * A cross-site navigation (an identity provider posting a login back, from an origin Spring Security's CORS
     * configuration does not allow) sent through the starter's filter, then Spring Security's chain, then a handler.
     */
    private record Exchange(MockHttpServletResponse response, boolean handled) {

        static Exchange through(AssertableWebApplicationContext context, String path)
                throws IOException, ServletException {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
            request.addHeader("Origin", "https://idp.other.net");
            request.addHeader("Sec-Fetch-Mode", "navigate");
            MockHttpServletResponse response = new MockHttpServletResponse();
            AtomicBoolean handled = new AtomicBoolean();
            List<Filter> filters = new ArrayList<>();
            filters.add(corsRegistration(context).getFilter());
            filters.addAll(context.getBean(SecurityFilterChain.class).getFilters());
            Servlet handler = new HttpServlet() {

                @Override
                protected void service(HttpServletRequest req, HttpServletResponse res) {
                    handled.set(true);
                }
            };
            new MockFilterChain(handler, filters.toArray(new Filter[0])).doFilter(request, response);
            return new Exchange(response, handled.get());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HandlerMappingConfiguration {

        @Bean
        SimpleUrlHandlerMapping simpleUrlHandlerMapping() {
            return new SimpleUrlHandlerMapping();
        }
    }

    /** Spring Security's CORS filter, allowing one origin that is not the navigation's, as {@code cors()} adds it. */
    @Configuration(proxyBeanMethods = false)
    static class SecurityChainConfiguration {

        @Bean
        SecurityFilterChain securityFilterChain(ObjectProvider<RecordingCorsProcessor> processor) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(List.of("https://app.example.com"));
            configuration.setAllowedMethods(List.of("*"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", configuration);
            CorsFilter corsFilter = new CorsFilter(source);
            processor.ifAvailable(corsFilter::setCorsProcessor);
            return new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE, corsFilter);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingProcessorConfiguration {

        @Bean
        RecordingCorsProcessor recordingCorsProcessor() {
            return new RecordingCorsProcessor();
        }
    }

    /** A processor of the application's own, which lets everything through and counts what it sees. */
    static class RecordingCorsProcessor implements org.springframework.web.cors.CorsProcessor {

        private int calls;

        @Override
        public boolean processRequest(@Nullable CorsConfiguration configuration, HttpServletRequest request,
                HttpServletResponse response) {
            this.calls++;
            return true;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserFilterConfiguration {

        @Bean
        CorsServletFilter userCorsFilter(CorsDecider corsDecider) {
            return new CorsServletFilter(corsDecider);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRegistrationConfiguration {

        @Bean
        FilterRegistrationBean<CorsServletFilter> userCorsFilter(CorsDecider corsDecider) {
            return new FilterRegistrationBean<>(new CorsServletFilter(corsDecider));
        }
    }
}
