package io.corsboot.e2e;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the shared table against four real servers: Spring MVC on Tomcat and WebFlux on Netty, each with
 * and without Spring Security. One server per stack, every case against it.
 */
class CorsEndToEndTests {

    private static final Map<Stack, TestServer> servers = new EnumMap<>(Stack.class);

    @BeforeAll
    static void startServers() {
        for (Stack stack : Stack.values()) {
            servers.put(stack, TestServer.start(stack, PROPERTIES));
        }
    }

    @AfterAll
    static void stopServers() {
        servers.values().forEach(TestServer::close);
        servers.clear();
    }

    static Stream<Arguments> serversAndCases() {
        return Stream.of(Stack.values()).flatMap((stack) -> all().map((c) -> Arguments.of(stack, c)));
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
    }

    static final String[] PROPERTIES = {
            "cors.policies.api.paths=/api/**",
            "cors.policies.api.allowed-origins=https://app.example.com",
            "cors.policies.api.allowed-methods=GET,POST,PUT",
            "cors.policies.api.allowed-headers=Content-Type",
            "cors.policies.api.allow-credentials=true",
            "cors.policies.api.max-age=1h",
            "cors.policies.secure.paths=/secure/**",
            "cors.policies.secure.allowed-origins=https://app.example.com",
            "cors.policies.secure.allow-credentials=true",
            "cors.policies.public.paths=/public/**",
            "cors.policies.public.allowed-origins=*" };

    static Stream<CorsCase> all() {
        String app = "https://app.example.com";
        Set<String> noCors = Set.of("Access-Control-Allow-Origin", "Access-Control-Allow-Credentials");
        return Stream.of(
                new CorsCase("allowed preflight is answered without the handler",
                        new Req("OPTIONS", "/api/orders", Map.of("Origin", app, "Access-Control-Request-Method", "PUT",
                                "Access-Control-Request-Headers", "content-type")),
                        new Resp(200, Map.of("Access-Control-Allow-Origin", app, "Access-Control-Allow-Methods",
                                "GET, POST, PUT, HEAD", "Access-Control-Allow-Credentials", "true", "Access-Control-Max-Age",
                                "3600", "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"),
                                Set.of(), false)),
                new CorsCase("rejected preflight is 403 without Allow headers",
                        new Req("OPTIONS", "/api/orders", Map.of("Origin", "https://evil.example",
                                "Access-Control-Request-Method", "PUT")),
                        new Resp(403, Map.of(), Set.of("Access-Control-Allow-Origin", "Access-Control-Allow-Methods"),
                                false)),
                new CorsCase("allowed actual request reaches the handler",
                        new Req("GET", "/api/orders", Map.of("Origin", app)),
                        new Resp(200, Map.of("Access-Control-Allow-Origin", app, "Access-Control-Allow-Credentials",
                                "true", "Vary", "Origin", "X-Handler", "called"), Set.of(), true)),
                new CorsCase("rejected actual request never reaches the handler",
                        new Req("DELETE", "/api/orders", Map.of("Origin", app)),
                        new Resp(403, Map.of("Vary", "Origin"), noCors, false)),
                new CorsCase("a Vary set by the handler keeps Origin",
                        new Req("GET", "/api/vary", Map.of("Origin", app)),
                        new Resp(200, Map.of("Access-Control-Allow-Origin", app, "Vary", "Origin, Accept-Encoding"),
                                Set.of(), true)),
                new CorsCase("a 404 from the handler keeps the CORS headers",
                        new Req("GET", "/api/missing", Map.of("Origin", app)),
                        new Resp(404, Map.of("Access-Control-Allow-Origin", app, "Vary", "Origin"), Set.of(), true)),
                new CorsCase("the error page keeps the CORS headers",
                        new Req("GET", "/api/boom", Map.of("Origin", app)),
                        new Resp(500, Map.of("Access-Control-Allow-Origin", app, "Access-Control-Allow-Credentials",
                                "true", "Vary", "Origin"), Set.of(), true)),
                new CorsCase("@CrossOrigin on a covered path adds no second Allow-Origin",
                        new Req("GET", "/api/annotated", Map.of("Origin", app)),
                        new Resp(200, Map.of("Access-Control-Allow-Origin", app), Set.of(), true)),
                new CorsCase("@CrossOrigin's origin is not the policy's",
                        new Req("GET", "/api/annotated", Map.of("Origin", TestServer.ANNOTATED_ORIGIN)),
                        new Resp(403, Map.of(), noCors, false)),
                new CorsCase("preflight to a secured path is answered without authentication",
                        new Req("OPTIONS", "/secure/data", Map.of("Origin", app, "Access-Control-Request-Method", "GET")),
                        new Resp(200, Map.of("Access-Control-Allow-Origin", app), Set.of(), false)),
                new CorsCase("same-origin request is passed through without CORS headers",
                        new Req("POST", "/api/orders", Map.of("Origin", TestServer.SELF)),
                        new Resp(200, Map.of("Vary", "Origin"), noCors, true)),
                new CorsCase("cross-site navigation reaches its handler",
                        new Req("POST", "/api/orders", Map.of("Origin", "https://idp.example", "Sec-Fetch-Mode",
                                "navigate")),
                        new Resp(200, Map.of("Vary", "Origin"), noCors, true)),
                new CorsCase("public policy answers *",
                        new Req("GET", "/public/info", Map.of("Origin", "https://anyone.example")),
                        new Resp(200, Map.of("Access-Control-Allow-Origin", "*", "Vary", "Origin"), Set.of(), true)),
                new CorsCase("uncovered path is left alone",
                        new Req("GET", "/other", Map.of("Origin", app)),
                        new Resp(200, Map.of(), Set.of("Access-Control-Allow-Origin", "Vary"), true)));
    }

    record CorsCase(String name, Req request, Resp expected) {

        @Override
        public String toString() {
            return this.name;
        }
    }

    record Req(String method, String path, Map<String, String> headers) {
    }

    record Resp(int status, Map<String, String> headers, Set<String> absent, boolean handlerCalled) {
    }
}
