package io.corsboot.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.BootLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebFlux with Spring Security's default chain, which Spring Security builds itself when the application declares no
 * {@code SecurityWebFilterChain} bean, and a reactive {@code CorsConfigurationSource} bean, which puts a
 * {@code CorsWebFilter} in that chain: on a covered path the policy alone decides, elsewhere that filter does. Every
 * path of the default chain requires authentication.
 */
class DefaultSecurityChainEndToEndTests {

    private static final String APP = "https://app.example.com";

    private static final String PARTNER = "https://partner.other.net";

    private static final String EVIL = "https://evil.example.net";

    // Without it, Spring Boot declares a SecurityWebFilterChain bean of its own when Actuator is on the class path.
    private static final String CREDENTIALS = "Basic " + Base64.getEncoder()
        .encodeToString((TestServer.USER + ":" + TestServer.PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(Stack.WEBFLUX_SECURED, DefaultChainSecurity.class, List.of(BootLine.REACTIVE_MANAGEMENT_SECURITY),
                "cors.policies.api.paths=/api/**", "cors.policies.api.allowed-origins=" + APP,
                "cors.policies.api.allow-credentials=true", "cors.policies.api.exposed-headers=X-Request-Id");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void onACoveredPathAnOriginOnlySpringSecuritysSourceAllowsIsRefusedByThePolicy() {
        Exchange exchange = send("GET", "/api/data", Map.of("Origin", PARTNER));
        assertThat(exchange.status()).isEqualTo(403);
        assertThat(exchange.lines("Access-Control-Allow-Origin")).isEmpty();
        assertThat(exchange.handlerCalled()).isFalse();
    }

    @Test
    void onACoveredPathAnOriginThePolicyAllowsGetsThePolicysHeadersAlone() {
        Exchange exchange = send("GET", "/api/data", Map.of("Origin", APP));
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.handlerCalled()).isTrue();
        assertThat(exchange.lines("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(exchange.lines("Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(exchange.lines("Access-Control-Expose-Headers")).containsExactly("X-Request-Id");
        assertThat(exchange.tokens("Vary")).containsExactly("Origin");
    }

    @Test
    void onACoveredPathACrossSiteNavigationReachesItsHandlerWithoutCorsHeaders() {
        Exchange exchange = send("GET", "/api/login", Map.of("Origin", "https://idp.other.net", "Sec-Fetch-Mode",
                "navigate", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Dest", "document"));
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.handlerCalled()).isTrue();
        assertThat(exchange.response().headers().map().keySet())
            .noneMatch((name) -> name.regionMatches(true, 0, "Access-Control-", 0, 15));
        assertThat(exchange.tokens("Vary")).containsExactly("Origin");
    }

    @Test
    void onACoveredPathAPreflightIsAnsweredByThePolicy() {
        Exchange exchange = send("OPTIONS", "/api/data",
                Map.of("Origin", PARTNER, "Access-Control-Request-Method", "PUT"));
        assertThat(exchange.status()).isEqualTo(403);
        assertThat(exchange.lines("Access-Control-Allow-Origin")).isEmpty();
        assertThat(exchange.lines("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void elsewhereSpringSecuritysCorsWebFilterAllowsWhatItsSourceAllows() {
        Exchange exchange = send("GET", "/elsewhere/data", Map.of("Origin", PARTNER));
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.handlerCalled()).isTrue();
        assertThat(exchange.lines("Access-Control-Allow-Origin")).containsExactly(PARTNER);
        assertThat(exchange.lines("Access-Control-Expose-Headers")).containsExactly("X-Partner");
    }

    @Test
    void elsewhereSpringSecuritysCorsWebFilterAnswersThePreflightsItsSourceAllows() {
        // Browsers send preflights without credentials.
        Exchange exchange = server.send("OPTIONS", "/elsewhere/data",
                Map.of("Origin", PARTNER, "Access-Control-Request-Method", "PUT"));
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.handlerCalled()).isFalse();
        assertThat(exchange.lines("Access-Control-Allow-Origin")).containsExactly(PARTNER);
        assertThat(exchange.tokens("Access-Control-Allow-Methods")).contains("PUT");
    }

    @Test
    void elsewhereSpringSecuritysCorsWebFilterRefusesWhatItsSourceDoesNotAllow() {
        Exchange exchange = send("GET", "/elsewhere/data", Map.of("Origin", EVIL));
        assertThat(exchange.status()).isEqualTo(403);
        assertThat(exchange.handlerCalled()).isFalse();
        assertThat(exchange.lines("Access-Control-Allow-Origin")).isEmpty();
    }

    /** Sends an authenticated request: the default chain requires authentication everywhere. */
    private static Exchange send(String method, String path, Map<String, String> headers) {
        Map<String, String> authenticated = new HashMap<>(headers);
        authenticated.put("Authorization", CREDENTIALS);
        return server.send(method, path, authenticated);
    }

    /**
     * No {@code SecurityWebFilterChain} bean, one user, and a CORS configuration, for every path, that allows the
     * partner's origin and also the policy's, with settings of its own.
     */
    @Configuration(proxyBeanMethods = false)
    static class DefaultChainSecurity {

        @Bean
        UrlBasedCorsConfigurationSource corsConfigurationSource() {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(List.of(PARTNER, APP));
            configuration.setAllowedMethods(List.of("*"));
            configuration.setExposedHeaders(List.of("X-Partner"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", configuration);
            return source;
        }

        @Bean
        MapReactiveUserDetailsService userDetailsService() {
            return new MapReactiveUserDetailsService(
                    User.withUsername(TestServer.USER).password("{noop}" + TestServer.PASSWORD).roles("USER").build());
        }
    }
}
