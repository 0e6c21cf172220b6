package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.handler.DefaultWebFilterChain;

import io.corsboot.reactive.CorsReactiveWebFilter;
import io.corsboot.reactive.DeferringReactiveCorsProcessor;
import io.corsboot.reactive.ReactiveHandlerMappingCorsPostProcessor;
import io.corsboot.reactive.SecurityWebFilterChainCorsPostProcessor;
import io.corsboot.servlet.CorsServletFilter;
import io.corsboot.testing.BootLine;
import io.corsboot.web.CorsDecider;

import static org.assertj.core.api.Assertions.assertThat;

class CorsReactiveAutoConfigurationTests {

    private static final AutoConfigurations CORS = AutoConfigurations.of(CorsAutoConfiguration.class,
            CorsServletAutoConfiguration.class, CorsReactiveAutoConfiguration.class);

    private static final String[] POLICY = { "cors.policies.api.paths=/api/**",
            "cors.policies.api.allowed-origins=https://app.example.com" };

    private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(CORS)
        .withPropertyValues(POLICY);

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
    void installsNothingWithoutPoliciesWhenNoRefreshCanAddThem() {
        new ReactiveWebApplicationContextRunner().withConfiguration(CORS)
            .withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
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
        this.contextRunner.withConfiguration(BootLine.REACTIVE_SECURITY)
            .run((context) -> assertThat(webFilterTypes(context)).containsSubsequence(CorsReactiveWebFilter.class,
                    WebFilterChainProxy.class));
    }

    @Test
    void runsBeforeSpringSecurityWhateverTheServletSecurityOrderSays() {
        this.contextRunner.withConfiguration(BootLine.REACTIVE_SECURITY)
            .withPropertyValues("spring.security.filter.order=-1000")
            .run((context) -> assertThat(webFilterTypes(context)).containsSubsequence(CorsReactiveWebFilter.class,
                    WebFilterChainProxy.class));
    }

    @Test
    void makesWebFluxHandlerMappingsLeaveCoveredPathsToThePolicies() {
        this.contextRunner.withUserConfiguration(HandlerMappingConfiguration.class)
            .run((context) -> assertThat(context.getBean(SimpleUrlHandlerMapping.class).getCorsProcessor())
                .isInstanceOf(DeferringReactiveCorsProcessor.class));
    }

    @Test
    void installsNoSecurityPostProcessorWithoutSpringSecurity() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(ReactiveHandlerMappingCorsPostProcessor.class)
                .doesNotHaveBean(SecurityWebFilterChainCorsPostProcessor.class));
    }

    @Test
    void installsNoPostProcessorWhenDisabled() {
        this.contextRunner.withPropertyValues("cors.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ReactiveHandlerMappingCorsPostProcessor.class)
                .doesNotHaveBean(SecurityWebFilterChainCorsPostProcessor.class));
    }

    @Test
    void givesSpringSecuritysDefaultChainAProcessorThatDefers() {
        this.contextRunner.run((context) -> assertThat(context)
            .getBean(org.springframework.web.cors.reactive.CorsProcessor.class)
            .isInstanceOf(DeferringReactiveCorsProcessor.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesACorsProcessor() {
        this.contextRunner.withUserConfiguration(UserCorsProcessorConfiguration.class)
            .run((context) -> assertThat(context)
                .getBeanNames(org.springframework.web.cors.reactive.CorsProcessor.class)
                .containsExactly("userCorsProcessor"));
    }

    @Test
    void definesNoCorsProcessorWithoutSpringSecurity() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(org.springframework.web.cors.reactive.CorsProcessor.class));
    }

    @Test
    void definesNoCorsProcessorInAServletApplication() {
        new WebApplicationContextRunner().withConfiguration(CORS)
            .withPropertyValues(POLICY)
            .run((context) -> assertThat(context).hasSingleBean(FilterRegistrationBean.class)
                .doesNotHaveBean(org.springframework.web.cors.reactive.CorsProcessor.class));
    }

    @Test
    void definesNoCorsProcessorWhenDisabled() {
        this.contextRunner.withPropertyValues("cors.enabled=false")
            .run((context) -> assertThat(context)
                .doesNotHaveBean(org.springframework.web.cors.reactive.CorsProcessor.class));
    }

    @Test
    void springSecuritysCorsWebFilterLetsACoveredNavigationThroughUntouched() {
        this.contextRunner.withUserConfiguration(SecurityChainConfiguration.class).run((context) -> {
            Exchange exchange = Exchange.through(context, "/api/login");
            assertThat(exchange.handled()).isTrue();
            assertThat(exchange.response().getStatusCode()).isNull();
            assertThat(exchange.response().getHeaders().toSingleValueMap()).containsOnlyKeys("Vary");
            assertThat(exchange.response().getHeaders().get("Vary")).containsExactly("Origin");
        });
    }

    @Test
    void springSecuritysCorsWebFilterStillDecidesWhereNoPolicyApplies() {
        this.contextRunner.withUserConfiguration(SecurityChainConfiguration.class).run((context) -> {
            Exchange exchange = Exchange.through(context, "/elsewhere/login");
            assertThat(exchange.handled()).isFalse();
            assertThat(exchange.response().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        });
    }

    // The order WebHttpHandlerBuilder.applicationContext(...) applies the filters in.
    private static List<Class<?>> webFilterTypes(ApplicationContext context) {
        return context.getBeanProvider(WebFilter.class).orderedStream().<Class<?>>map(Object::getClass).toList();
    }

    /**
     * A cross-site navigation (an identity provider posting a login back, from an origin Spring Security's CORS
     * configuration does not allow) sent through the starter's filter, then Spring Security's chain, then a handler.
     */
    private record Exchange(MockServerHttpResponse response, boolean handled) {

        static Exchange through(ApplicationContext context, String path) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(path)
                .header("Origin", "https://idp.other.net")
                .header("Sec-Fetch-Mode", "navigate"));
            AtomicBoolean handled = new AtomicBoolean();
            List<WebFilter> filters = new ArrayList<>();
            filters.add(context.getBean(CorsReactiveWebFilter.class));
            filters.addAll(context.getBean(SecurityWebFilterChain.class).getWebFilters().collectList().block());
            WebHandler handler = (handledExchange) -> {
                handled.set(true);
                return Mono.empty();
            };
            new DefaultWebFilterChain(handler, filters).filter(exchange).block();
            return new Exchange(exchange.getResponse(), handled.get());
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
        SecurityWebFilterChain securityWebFilterChain() {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(List.of("https://app.example.com"));
            configuration.setAllowedMethods(List.of("*"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", configuration);
            return new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(),
                    List.of(new CorsWebFilter(source)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserCorsProcessorConfiguration {

        @Bean
        org.springframework.web.cors.reactive.CorsProcessor userCorsProcessor() {
            return new DefaultCorsProcessor();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserFilterConfiguration {

        @Bean
        CorsReactiveWebFilter userCorsFilter(CorsDecider corsDecider) {
            return new CorsReactiveWebFilter(corsDecider);
        }
    }
}
