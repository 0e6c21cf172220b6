package io.corsboot.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.junit.jupiter.params.provider.MethodSource;

import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.CorsCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server settings that change what a request's path or origin is, where Spring Security runs, or which policy
 * covers the error page: each test starts its own server with the setting, on each stack it concerns.
 */
class ServerSettingsEndToEndTests {

    // Not an origin any policy allows: only a trusted proxy can make it the request's own.
    private static final Map<String, String> FORWARDED_FROM_PROXY = Map.of("Origin", "https://shop.example.org",
            "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example.org");

    // Allowed by the case table's policy for api.example.com and *.example.org alone, on /hosted/**.
    private static final String ELSEWHERE = "https://elsewhere.example";

    private static final Map<String, String> PREFLIGHT_FROM_ELSEWHERE = Map.of("Origin", ELSEWHERE,
            "Access-Control-Request-Method", "POST", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
            "shop.example.org");

    @ParameterizedTest
    @EnumSource(names = { "MVC", "WEBFLUX" })
    void policiesMatchThePathWithinTheApplication(Stack stack) {
        String prefix = stack.reactive() ? "spring.webflux.base-path=/shop" : "server.servlet.context-path=/shop";
        try (TestServer server = start(stack, prefix)) {
            Exchange allowed = server.send("GET", "/shop/api/orders", Map.of("Origin", CorsCases.APP));
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.lines("Access-Control-Allow-Origin")).containsExactly(CorsCases.APP);
            assertThat(allowed.handlerCalled()).isTrue();
            Exchange preflight = server.send("OPTIONS", "/shop/api/admin/users",
                    Map.of("Origin", CorsCases.ADMIN, "Access-Control-Request-Method", "GET"));
            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.lines("Access-Control-Allow-Origin")).containsExactly(CorsCases.ADMIN);
            Exchange rejected = server.send("GET", "/shop/api/orders", Map.of("Origin", "https://evil.net"));
            assertThat(rejected.status()).isEqualTo(403);
            assertThat(rejected.handlerCalled()).isFalse();
        }
    }

    static Stream<Arguments> securityOrders() {
        return Stream.of(Arguments.of(Stack.MVC_SECURED, -1000), Arguments.of(Stack.MVC_SECURED, 10),
                Arguments.of(Stack.WEBFLUX_SECURED, 10));
    }

    @ParameterizedTest(name = "{0}, spring.security.filter.order={1}")
    @MethodSource("securityOrders")
    void aPreflightToASecuredPathIsAnsweredWithoutAuthenticationWhereverSecurityRuns(Stack stack, int order) {
        try (TestServer server = start(stack, "spring.security.filter.order=" + order)) {
            Exchange preflight = server.send("OPTIONS", "/secure/data", Map.of("Origin", CorsCases.APP,
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.lines("Access-Control-Allow-Origin")).containsExactly(CorsCases.APP);
            assertThat(preflight.lines("Access-Control-Allow-Headers")).containsExactly("Authorization");
            assertThat(preflight.lines("WWW-Authenticate")).isEmpty();
            Exchange unauthenticated = server.send("GET", "/secure/data", Map.of("Origin", CorsCases.APP));
            assertThat(unauthenticated.status()).isEqualTo(401);
            assertThat(unauthenticated.lines("Access-Control-Allow-Origin")).containsExactly(CorsCases.APP);
        }
    }

    static Stream<Arguments> trustedForwardedHeaders() {
        return Stream.of(Stack.MVC, Stack.WEBFLUX)
            .flatMap((stack) -> Stream.of("framework", "native").map((strategy) -> Arguments.of(stack, strategy)));
    }

    @ParameterizedTest(name = "{0}, server.forward-headers-strategy={1}")
    @MethodSource("trustedForwardedHeaders")
    void trustedForwardedHeadersDecideWhatIsSameOrigin(Stack stack, String strategy) {
        try (TestServer server = start(stack, "server.forward-headers-strategy=" + strategy)) {
            Exchange sameOrigin = server.send("POST", "/secure/data", FORWARDED_FROM_PROXY);
            assertThat(sameOrigin.status()).isEqualTo(200);
            assertThat(sameOrigin.lines("Access-Control-Allow-Origin")).isEmpty();
            assertThat(sameOrigin.handlerCalled()).isTrue();
            // The proxy's origin is the request's own; the server's address is now another origin.
            Exchange crossOrigin = server.send("POST", "/secure/data", Map.of("Origin", server.origin(),
                    "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example.org"));
            assertThat(crossOrigin.status()).isEqualTo(403);
            assertThat(crossOrigin.handlerCalled()).isFalse();
            // The forwarded host chooses among policies limited to hosts too: shop.example.org is under *.example.org.
            Exchange forwardedHost = server.send("OPTIONS", "/hosted/things", PREFLIGHT_FROM_ELSEWHERE);
            assertThat(forwardedHost.status()).isEqualTo(200);
            assertThat(forwardedHost.lines("Access-Control-Allow-Origin")).containsExactly(ELSEWHERE);
        }
    }

    @ParameterizedTest
    @EnumSource(names = { "MVC", "WEBFLUX" })
    void untrustedForwardedHeadersChangeNothing(Stack stack) {
        try (TestServer server = start(stack, "server.forward-headers-strategy=none")) {
            Exchange forged = server.send("POST", "/secure/data", FORWARDED_FROM_PROXY);
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.handlerCalled()).isFalse();
            Exchange sameOrigin = server.send("POST", "/secure/data", Map.of("Origin", server.origin(),
                    "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example.org"));
            assertThat(sameOrigin.status()).isEqualTo(200);
            assertThat(sameOrigin.handlerCalled()).isTrue();
            Exchange forwardedHost = server.send("OPTIONS", "/hosted/things", PREFLIGHT_FROM_ELSEWHERE);
            assertThat(forwardedHost.status()).isEqualTo(403);
        }
    }

    // With a policy that also covers the error page, deciding again on the error dispatch would count twice.
    @ParameterizedTest
    @EnumSource(names = ".*_SECURED", mode = Mode.MATCH_NONE)
    void aRequestThatEndsOnTheErrorPageIsDecidedOnce(Stack stack) {
        try (TestServer server = start(stack, "cors.policies.everything.paths=/**",
                "cors.policies.everything.allowed-origins=" + CorsCases.APP)) {
            Exchange exchange = server.send("GET", "/api/boom", Map.of("Origin", CorsCases.APP));
            assertThat(exchange.status()).isEqualTo(500);
            assertThat(exchange.lines("Access-Control-Allow-Origin")).containsExactly(CorsCases.APP);
            assertThat(exchange.tokens("Vary")).containsExactly("Origin");
            assertThat(exchange.decisions()).isOne();
        }
    }

    private static TestServer start(Stack stack, String... settings) {
        List<String> properties = new ArrayList<>(List.of(CorsCases.PROPERTIES));
        properties.addAll(List.of(settings));
        return TestServer.start(stack, properties.toArray(new String[0]));
    }
}
