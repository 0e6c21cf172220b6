package io.corsboot.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.BootLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip: an application with Spring CORS configuration of each kind ({@code @CrossOrigin}, a registry
 * mapping, a {@code CorsConfigurationSource} bean with the CORS filter that reads it, Actuator's CORS) answers a table
 * of requests; the same application without that configuration and with the report's YAML answers them alike.
 */
class MigrationRoundTripEndToEndTests {

    private static final String SHOP = "https://shop.example";

    private static final String PARTNER = "https://app.partner.example";

    private static final String OPS = "https://ops.example";

    private static final String EVIL = "https://evil.example";

    private static final String[] ACTUATOR_CORS = { "management.endpoints.web.cors.allowed-origins=" + OPS,
            "management.endpoints.web.cors.allowed-methods=GET" };

    private static final String EXPOSE = "management.endpoints.web.exposure.include=health,cors";

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "MVC_SECURED", "WEBFLUX", "WEBFLUX_SECURED" })
    void crossOriginRegistryMappingsAndActuatorCorsCarryOver(Stack stack) {
        List<Class<?>> springCors = stack.reactive() ? List.of(ReactiveMapping.class, ReactiveAnnotated.class)
                : List.of(ServletMapping.class, ServletAnnotated.class);
        // A preflight asking for a method that no handler of @CrossOrigin's path maps is answered by whatever
        // other handler maps it (here the test application's own, for every path): only the other rows are Spring's.
        assertRoundTrip(stack, springCors, List.of(new Source("/shop/annotated", SHOP, "POST", false),
                new Source("/shop/mapped/items", SHOP, "PUT", true), new Source("/actuator/health", OPS, "GET", true)),
                ACTUATOR_CORS);
    }

    @ParameterizedTest
    @EnumSource(value = Stack.class, names = { "MVC", "MVC_SECURED", "WEBFLUX", "WEBFLUX_SECURED" })
    void aCorsConfigurationSourceBeanAndTheFilterThatReadsItCarryOver(Stack stack) {
        // Spring's CORS filter ends every preflight, on every path, whether or not its source has a configuration
        // for it: the table asks on the source's paths alone.
        List<Class<?>> springCors = List.of(stack.reactive() ? ReactiveSource.class : ServletSource.class);
        assertRoundTrip(stack, springCors, List.of(new Source("/partner/orders", PARTNER, "PATCH", true)));
    }

    private static void assertRoundTrip(Stack stack, List<Class<?>> springCors, List<Source> sources,
            String... springProperties) {
        Map<String, List<String>> before;
        String yaml;
        List<String> withSpringCors = new ArrayList<>(List.of(EXPOSE));
        withSpringCors.addAll(List.of(springProperties));
        try (TestServer server = start(stack, springCors, withSpringCors)) {
            before = answers(server, sources);
            Map<String, Object> report = BootLine.jsonObject(
                    server.send("GET", "/actuator/cors/migration", Map.of()).response().body());
            yaml = (String) report.get("yaml");
            assertThat(refusals(report)).as(yaml).isEmpty();
        }
        List<String> withPolicies = new ArrayList<>(List.of(EXPOSE));
        withPolicies.addAll(properties(yaml));
        try (TestServer server = start(stack, List.of(), withPolicies)) {
            assertThat(answers(server, sources)).as(yaml).isEqualTo(before);
        }
    }

    // The test application's reactive security gives cors() a source that is no bean, which the report cannot see:
    // here cors() reads the CorsConfigurationSource bean, the setup the report reads.
    private static TestServer start(Stack stack, List<Class<?>> configurations, List<String> properties) {
        String[] all = properties.toArray(new String[0]);
        if (stack == Stack.WEBFLUX_SECURED) {
            return TestServer.startSecuredBy(ReactiveSecurity.class, stack, configurations, all);
        }
        return TestServer.start(stack, configurations, all);
    }

    /** Each request of the table, by a description, with its status and CORS headers. */
    private static Map<String, List<String>> answers(TestServer server, List<Source> sources) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (Source source : sources) {
            String path = source.path();
            answer(answers, server, "OPTIONS", path,
                    Map.of("Origin", source.origin(), "Access-Control-Request-Method", source.method()));
            answer(answers, server, "OPTIONS", path,
                    Map.of("Origin", EVIL, "Access-Control-Request-Method", source.method()));
            if (source.otherMethodsSpringsOwn()) {
                answer(answers, server, "OPTIONS", path,
                        Map.of("Origin", source.origin(), "Access-Control-Request-Method", "DELETE"));
            }
            answer(answers, server, "GET", path, Map.of("Origin", source.origin()));
            answer(answers, server, "GET", path, Map.of("Origin", EVIL));
            answer(answers, server, "GET", path, Map.of());
        }
        return answers;
    }

    // Exposed headers are compared on actual requests only: Spring also writes them on a preflight, where browsers
    // ignore them (Fetch, "CORS-preflight fetch"), and the starter does not.
    private static void answer(Map<String, List<String>> answers, TestServer server, String method, String path,
            Map<String, String> headers) {
        Exchange exchange = server.send(method, path, headers);
        List<String> answer = new ArrayList<>(List.of(Integer.toString(exchange.status())));
        List<String> compared = new ArrayList<>(List.of("Access-Control-Allow-Origin",
                "Access-Control-Allow-Credentials"));
        if (!"OPTIONS".equals(method)) {
            compared.add("Access-Control-Expose-Headers");
        }
        for (String header : compared) {
            answer.add(header + ": " + exchange.lines(header));
        }
        answers.put(method + " " + path + " " + new TreeMap<>(headers), answer);
    }

    /**
     * A path of one kind of source, an origin and a method it allows, and whether a preflight for another method
     * meets Spring's configuration.
     */
    private record Source(String path, String origin, String method, boolean otherMethodsSpringsOwn) {
    }

    @SuppressWarnings("unchecked")
    private static List<Object> refusals(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("configurations")).stream()
            .flatMap((configuration) -> ((List<Map<String, Object>>) configuration.get("notCarriedOver")).stream())
            .map((notCarried) -> notCarried.get("value"))
            .filter((value) -> value != null)
            .toList();
    }

    private static List<String> properties(String yaml) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
        Properties properties = factory.getObject();
        assertThat(properties).isNotNull();
        // YAML's booleans and numbers stay what they are: not Strings, which getProperty alone returns.
        return properties.keySet().stream()
            .map(String::valueOf)
            .map((name) -> name + "=" + properties.get(name))
            .toList();
    }

    private static CorsConfiguration partner() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(List.of("https://*.partner.example"));
        configuration.setAllowedMethods(List.of("GET", "PATCH"));
        configuration.setAllowedHeaders(List.of("*"));
        configuration.setExposedHeaders(List.of("X-Handler"));
        configuration.setMaxAge(120L);
        return configuration;
    }

    @Configuration(proxyBeanMethods = false)
    static class ServletMapping {

        @Bean
        WebMvcConfigurer shopMapping() {
            return new WebMvcConfigurer() {

                @Override
                public void addCorsMappings(org.springframework.web.servlet.config.annotation.CorsRegistry registry) {
                    registry.addMapping("/shop/mapped/**")
                        .allowedOrigins(SHOP)
                        .allowedMethods("GET", "PUT")
                        .exposedHeaders("X-Handler")
                        .allowCredentials(true);
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ServletSource {

        @Bean
        org.springframework.web.cors.UrlBasedCorsConfigurationSource corsConfigurationSource() {
            var source = new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/partner/**", partner());
            return source;
        }

        @Bean
        CorsFilter corsFilter(org.springframework.web.cors.UrlBasedCorsConfigurationSource corsConfigurationSource) {
            return new CorsFilter(corsConfigurationSource);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReactiveMapping {

        @Bean
        WebFluxConfigurer shopMapping() {
            return new WebFluxConfigurer() {

                @Override
                public void addCorsMappings(org.springframework.web.reactive.config.CorsRegistry registry) {
                    registry.addMapping("/shop/mapped/**")
                        .allowedOrigins(SHOP)
                        .allowedMethods("GET", "PUT")
                        .exposedHeaders("X-Handler")
                        .allowCredentials(true);
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReactiveSource {

        @Bean
        org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource corsConfigurationSource() {
            var source = new org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/partner/**", partner());
            return source;
        }

        @Bean
        org.springframework.web.cors.reactive.CorsWebFilter corsWebFilter(
                org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource corsConfigurationSource) {
            return new org.springframework.web.cors.reactive.CorsWebFilter(corsConfigurationSource);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReactiveSecurity {

        @Bean
        SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
            return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
                .csrf((csrf) -> csrf.disable())
                .cors(Customizer.withDefaults())
                .build();
        }
    }

    @RestController
    @CrossOrigin(origins = SHOP, allowedHeaders = "Content-Type")
    static class ServletAnnotated {

        @RequestMapping(path = "/shop/annotated", method = { RequestMethod.GET, RequestMethod.POST })
        ResponseEntity<String> annotated() {
            return ResponseEntity.ok().header("X-Handler", "called").body("handled");
        }
    }

    @RestController
    @CrossOrigin(origins = SHOP, allowedHeaders = "Content-Type")
    static class ReactiveAnnotated {

        @RequestMapping(path = "/shop/annotated", method = { RequestMethod.GET, RequestMethod.POST })
        Mono<ResponseEntity<String>> annotated() {
            return Mono.just(ResponseEntity.ok().header("X-Handler", "called").body("handled"));
        }
    }
}
