package io.corsboot.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.web.cors.CorsConfigurationSource;

import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.CorsCase;
import io.corsboot.testing.CorsCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the shared table, unchanged, against every server Spring Boot runs each stack on: Spring MVC on Tomcat
 * and Jetty, WebFlux on Netty, Jetty and Tomcat, each with and without Spring Security. One server per stack, every
 * case against it: a case that passes on one and fails on another fails.
 */
class CorsEndToEndTests {

    private static final String BASIC_CREDENTIALS = "Basic " + Base64.getEncoder()
        .encodeToString((TestServer.USER + ":" + TestServer.PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static final Map<Stack, TestServer> servers = new EnumMap<>(Stack.class);

    @BeforeAll
    static void startServers() {
        for (Stack stack : Stack.values()) {
            servers.put(stack, TestServer.start(stack, CorsCases.PROPERTIES));
        }
    }

    @AfterAll
    static void stopServers() {
        servers.values().forEach(TestServer::close);
        servers.clear();
    }

    static Stream<Arguments> serversAndCases() {
        return Stream.of(Stack.values()).flatMap((stack) -> CorsCases.onServers().map((c) -> Arguments.of(stack, c)));
    }

    @ParameterizedTest
    @EnumSource
    void runsOnItsServer(Stack stack) {
        assertThat(servers.get(stack).webServer()).startsWithIgnoringCase(stack.server().name());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("serversAndCases")
    void behavesAsTheCaseSays(Stack stack, CorsCase c) {
        Exchange exchange = servers.get(stack).send(c.request().method(), c.request().path(), c.request().headers());
        assertThat(exchange.status()).as("status").isEqualTo(c.expected().status());
        c.expected().headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Vary")) {
                assertThat(String.join(", ", exchange.tokens(name))).as(name).isEqualTo(value);
            }
            else {
                assertThat(exchange.lines(name)).as(name).containsExactly(value);
            }
        });
        c.expected().absent().forEach((name) -> assertThat(exchange.lines(name)).as(name).isEmpty());
        assertThat(exchange.handlerCalled()).as("handler called").isEqualTo(c.expected().handlerCalled());
        if (isPreflight(c.request()) && c.expected().status() == 200) {
            assertThat(exchange.response().body()).as("body").isEmpty();
        }
        assertThat(exchange.decisions()).as("decisions").isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource
    void aCrossSiteFormPostThatIsANavigationReachesItsHandler(Stack stack) {
        Exchange exchange = servers.get(stack).send("POST", "/api/login", Map.of("Origin", "https://idp.other.net",
                "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Dest", "document",
                "Content-Type", "application/x-www-form-urlencoded"), List.of(), "SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4");
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.handlerCalled()).isTrue();
        assertThat(exchange.lines("Access-Control-Allow-Origin")).isEmpty();
        assertThat(exchange.tokens("Vary")).containsExactly("Origin");
    }

    @ParameterizedTest
    @EnumSource
    void aPreflightWhoseMethodIsSentOnTwoLinesIsRejected(Stack stack) {
        Exchange exchange = servers.get(stack).send("OPTIONS", "/api/orders", Map.of("Origin", CorsCases.APP),
                List.of(Map.entry("Access-Control-Request-Method", "GET"),
                        Map.entry("Access-Control-Request-Method", "PATCH")), "");
        assertThat(exchange.status()).isEqualTo(403);
        assertThat(exchange.lines("Access-Control-Allow-Origin")).isEmpty();
        assertThat(exchange.lines("Access-Control-Allow-Methods")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource
    void anOriginSentOnTwoLinesIsRefused(Stack stack) {
        Exchange exchange = servers.get(stack).send("POST", "/public/feed", Map.of(),
                List.of(Map.entry("Origin", "https://anyone.net"), Map.entry("Origin", "https://other.net")), "");
        assertThat(exchange.status()).isEqualTo(403);
        assertThat(exchange.lines("Access-Control-Allow-Origin")).isEmpty();
        assertThat(exchange.handlerCalled()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = "MVC.*", mode = Mode.MATCH_ALL)
    void aRequestCompletedOnAnAsyncDispatchIsDecidedOnce(Stack stack) {
        Exchange exchange = servers.get(stack).send("GET", TestServer.ASYNC_PATH, Map.of("Origin", CorsCases.APP));
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.handlerCalled()).isTrue();
        assertThat(exchange.lines("Access-Control-Allow-Origin")).containsExactly(CorsCases.APP);
        assertThat(exchange.decisions()).isOne();
    }

    // Spring Security picks up a CorsConfigurationSource bean on its own; Spring MVC's introspector is one.
    @ParameterizedTest
    @EnumSource
    void theStarterPublishesNoCorsConfigurationSource(Stack stack) {
        TestServer server = servers.get(stack);
        assertThat(server.beanNames(CorsConfigurationSource.class))
            .containsExactlyElementsOf(stack.reactive() ? List.of() : List.of("mvcHandlerMappingIntrospector"));
        assertThat(server.beanNames(org.springframework.web.cors.reactive.CorsConfigurationSource.class)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = ".*_SECURED", mode = Mode.MATCH_ALL)
    void springSecuritysUnauthorizedAnswerKeepsTheCorsHeaders(Stack stack) {
        Exchange exchange = servers.get(stack).send("GET", "/secure/data", Map.of("Origin", CorsCases.APP));
        assertThat(exchange.status()).isEqualTo(401);
        assertThat(exchange.lines("WWW-Authenticate")).isNotEmpty();
        assertThat(exchange.lines("Access-Control-Allow-Origin")).containsExactly(CorsCases.APP);
        assertThat(exchange.lines("Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(exchange.tokens("Vary")).containsExactly("Origin");
        assertThat(exchange.handlerCalled()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = ".*_SECURED", mode = Mode.MATCH_ALL)
    void springSecuritysForbiddenAnswerKeepsTheCorsHeaders(Stack stack) {
        Exchange exchange = servers.get(stack).send("GET", "/secure/admin/data",
                Map.of("Origin", CorsCases.APP, "Authorization", BASIC_CREDENTIALS));
        assertThat(exchange.status()).isEqualTo(403);
        assertThat(exchange.lines("Access-Control-Allow-Origin")).containsExactly(CorsCases.APP);
        assertThat(exchange.lines("Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(exchange.tokens("Vary")).containsExactly("Origin");
        assertThat(exchange.handlerCalled()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = ".*_SECURED", mode = Mode.MATCH_ALL)
    void anAuthenticatedCrossOriginRequestReachesTheSecuredHandler(Stack stack) {
        Exchange exchange = servers.get(stack).send("GET", "/secure/data",
                Map.of("Origin", CorsCases.APP, "Authorization", BASIC_CREDENTIALS));
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.lines("Access-Control-Allow-Origin")).containsExactly(CorsCases.APP);
        assertThat(exchange.handlerCalled()).isTrue();
    }

    private static boolean isPreflight(CorsCase.Req request) {
        return "OPTIONS".equals(request.method()) && request.headers().containsKey("Access-Control-Request-Method");
    }
}
