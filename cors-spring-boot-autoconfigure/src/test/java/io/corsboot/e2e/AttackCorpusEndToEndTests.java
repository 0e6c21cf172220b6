package io.corsboot.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.corsboot.e2e.RawHttp.Header;
import io.corsboot.e2e.RawHttp.Response;
import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.CorsCase;
import io.corsboot.testing.CorsCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against every server of both stacks, with the shared table's configuration
 * ({@link CorsCases#PROPERTIES}). Every answer is a clean 403 from the filter, a correct pass-through, or the
 * server's own 400 or 431 for a header too large for it: never a 5xx, never a reflected value, and a rejected request
 * never reaches the handler. Values the JDK's HTTP client refuses to send (control characters, raw UTF-8, illegal
 * names, a repeated header) go over a plain socket.
 */
class AttackCorpusEndToEndTests {

    private static final String APP = CorsCases.APP;

    private static final Map<Stack, TestServer> servers = new EnumMap<>(Stack.class);

    @BeforeAll
    static void startServers() {
        Stack.UNSECURED.forEach((stack) -> servers.put(stack, TestServer.start(stack, CorsCases.PROPERTIES)));
    }

    @AfterAll
    static void stopServers() {
        servers.values().forEach(TestServer::close);
        servers.clear();
    }

    static Stream<Arguments> attacks() {
        return Stack.UNSECURED.stream().flatMap((stack) -> corpus().map((attack) -> Arguments.of(stack, attack)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attacks")
    void answersCleanly(Stack stack, Attack attack) throws IOException {
        TestServer server = servers.get(stack);
        Answer answer = attack.send(server);
        Response response = answer.response();
        Outcome outcome = Outcome.of(attack, response, answer.handlerCalled());

        assertThat(response.status()).as("status").isLessThan(500);
        assertThat(outcome).as("outcome of %s: %s", attack, response).isIn(attack.acceptable());
        assertNothingReflected(attack, response, outcome);
        if (outcome == Outcome.ALLOWED) {
            assertThat(response.value("Access-Control-Allow-Origin")).isEqualTo(attack.allowOrigin());
            attack.expectedHeaders().forEach((name, value) -> assertThat(response.value(name)).as(name)
                .isEqualTo(value.isEmpty() ? null : value));
        }
    }

    // Values the request sent, of eight characters or more, appear nowhere in the answer but where the policy
    // allows them: the echoed origin of an allowed request.
    private static void assertNothingReflected(Attack attack, Response response, Outcome outcome) {
        List<String> sent = attack.headers().stream().map(Header::value).filter((value) -> value.length() >= 8)
            .toList();
        for (Header header : response.headers()) {
            boolean allowedEcho = outcome == Outcome.ALLOWED
                    && header.name().equalsIgnoreCase("Access-Control-Allow-Origin");
            if (!allowedEcho) {
                assertThat(sent).as("reflected in %s", header).noneSatisfy(
                        (value) -> assertThat(header.value()).contains(value));
            }
            assertThat(header.value().toLowerCase(Locale.ROOT)).as("reflected in %s", header).doesNotContain("evil");
        }
        assertThat(sent).as("reflected in the body").noneSatisfy((value) -> assertThat(response.body()).contains(value));
        assertThat(response.body().toLowerCase(Locale.ROOT)).as("reflected in the body").doesNotContain("evil");
    }

    static Stream<Attack> corpus() {
        String kib64 = "a".repeat(64 * 1024);
        return Stream.of(
                // Origins that look like an allowed one
                actual("look-alike suffix", "https://app.example.com.evil.net", Outcome.REJECTED),
                actual("pattern domain without its dot", "https://evilexample.com", Outcome.REJECTED),
                actual("apex of a subdomain pattern", "https://example.com", Outcome.REJECTED),
                on("/lan/devices", actual("look-alike prefix of an exact origin", "https://evilapp.example.com",
                        Outcome.REJECTED)),
                on("/lan/devices", actual("exact origin as a subdomain of the attacker",
                        "https://app.example.com.evil.net", Outcome.REJECTED)),
                on("/previews/build", actual("a dot in a label wildcard's place", "https://app-evil.net.example.net",
                        Outcome.REJECTED)),
                on("/previews/build", actual("a label wildcard's domain as a subdomain of the attacker",
                        "https://app-x.example.net.evil.com", Outcome.REJECTED)),
                on("/previews/build", actual("a label wildcard's prefix after the attacker's label",
                        "https://evil.app-x.example.net", Outcome.REJECTED)),
                on("/previews/build", actual("a label wildcard matching nothing", "https://app-.example.net",
                        Outcome.REJECTED)),
                on("/previews/build", actual("a percent-encoded dot in a label wildcard's place",
                        "https://app-evil%2enet.example.net", Outcome.REJECTED)),
                on("/previews/build", actual("an underscore in a label wildcard's place", "https://app-x_y.example.net",
                        Outcome.REJECTED)),
                actual("userinfo before the attacker", "https://app.example.com@evil.net", Outcome.REJECTED),
                actual("userinfo before an allowed host", "https://evil@app.example.com", Outcome.REJECTED),
                actual("trailing dot", "https://app.example.com.", Outcome.REJECTED),
                actual("trailing slash", "https://app.example.com/", Outcome.REJECTED),
                actual("path", "https://app.example.com/evil", Outcome.REJECTED),
                actual("query", "https://app.example.com?evil", Outcome.REJECTED),
                actual("percent-encoded dot", "https://app%2eexample.com", Outcome.REJECTED),
                actual("percent-encoded CRLF", "https://app.example.com%0d%0aSet-Cookie:%20evil=1",
                        Outcome.REJECTED),
                actual("punycode look-alike of the domain", "https://app.xn--exmple-cua.com", Outcome.REJECTED),
                actual("Unicode look-alike of the domain", "https://app.exämple.com", Outcome.REJECTED,
                        Outcome.REFUSED_BY_SERVER),
                actual("Unicode subdomain, which browsers send as punycode", "https://bücher.example.com",
                        Outcome.REJECTED, Outcome.REFUSED_BY_SERVER),
                actual("Cyrillic letter in a subdomain", "https://\u0430pp.example.com", Outcome.REJECTED,
                        Outcome.REFUSED_BY_SERVER),
                actual("upper-case scheme and host", "HTTPS://APP.EXAMPLE.COM", Outcome.REJECTED),
                actual("upper-case letter in the host", "https://App.example.com", Outcome.REJECTED),
                actual("explicit default port", "https://app.example.com:443", Outcome.REJECTED),
                actual("port out of range", "http://localhost:65536", Outcome.REJECTED),
                actual("port of six digits", "http://localhost:808080", Outcome.REJECTED),
                actual("port zero", "http://localhost:0", Outcome.REJECTED),
                actual("negative port", "http://localhost:-8080", Outcome.REJECTED),
                actual("port with a leading zero", "http://localhost:08080", Outcome.REJECTED),
                actual("scheme without slashes", "https:app.example.com", Outcome.REJECTED),
                actual("javascript scheme", "javascript://app.example.com", Outcome.REJECTED),
                actual("hybrid app scheme on the attacker's host", "capacitor://localhost.evil.net",
                        Outcome.REJECTED),
                actual("IPv6 literal that is not allowed", "http://[::1]:8080", Outcome.REJECTED),
                actual("unclosed IPv6 literal", "http://[::1", Outcome.REJECTED),
                actual("empty Origin", "", Outcome.REJECTED),
                actual("null where the policy does not list it", "null", Outcome.REJECTED),
                actual("origin list in one header", APP + ", https://evil.net", Outcome.REJECTED),
                actual("4 KiB origin under an allowed domain", "https://" + "a".repeat(4096) + ".example.com",
                        Outcome.REJECTED),
                actual("64 KiB origin", "https://" + kib64 + ".evil.net", Outcome.REFUSED_BY_SERVER),
                actual("NUL in the origin", APP + "\u0000.evil.net", Outcome.REJECTED, Outcome.REFUSED_BY_SERVER),
                actual("tab in the origin", APP + "\tevil", Outcome.REJECTED, Outcome.REFUSED_BY_SERVER),
                actual("bare CR in the origin", "https://evil.net\rX-Injected: evil", Outcome.REJECTED,
                        Outcome.REFUSED_BY_SERVER),
                actual("folded origin line", "https://evil.net\r\n " + APP, Outcome.REJECTED,
                        Outcome.REFUSED_BY_SERVER),
                request("two Origin lines, both allowed", "GET", "/api/orders", List.of(origin(APP), origin(APP)),
                        Outcome.REJECTED),
                request("two Origin lines, one hostile", "GET", "/api/orders",
                        List.of(origin(APP), origin("https://evil.net")), Outcome.REJECTED),
                // Header names with illegal characters: refused by the server, or dropped as not an Origin at all
                request("space before the colon", "GET", "/api/orders",
                        List.of(new Header("Origin ", "https://evil.net")), Outcome.REFUSED_BY_SERVER,
                        Outcome.NOT_CORS, Outcome.REJECTED),
                request("parentheses in a header name", "GET", "/api/orders",
                        List.of(new Header("Orig(in)", "https://evil.net")), Outcome.REFUSED_BY_SERVER,
                        Outcome.NOT_CORS),
                request("NUL in a header name", "GET", "/api/orders",
                        List.of(new Header("Origin\u0000", "https://evil.net")), Outcome.REFUSED_BY_SERVER,
                        Outcome.NOT_CORS),
                request("UTF-8 in a header name", "GET", "/api/orders",
                        List.of(new Header("Orígin", "https://evil.net")), Outcome.REFUSED_BY_SERVER,
                        Outcome.NOT_CORS),
                // Requests the policy refuses whatever the origin
                request("hostile POST", "POST", "/api/orders", List.of(origin("https://evil.net")), Outcome.REJECTED),
                request("method not allowed from an allowed origin", "PATCH", "/api/orders", List.of(origin(APP)),
                        Outcome.REJECTED),
                // Preflights
                preflight("preflight from a hostile origin", "https://evil.net", "GET", null, Outcome.REJECTED),
                preflight("preflight for a method not allowed", APP, "PATCH", null, Outcome.REJECTED),
                preflight("preflight for a lower-case method", APP, "put", null, Outcome.REJECTED),
                preflight("preflight for a list of methods", APP, "PUT, PATCH", null, Outcome.REJECTED),
                preflight("preflight for a header not allowed", APP, "PUT", "content-type, x-evil", Outcome.REJECTED),
                preflight("preflight for an illegal header name", APP, "PUT", "content-type, x(evil)",
                        Outcome.REJECTED),
                preflight("preflight for a header name with a colon", APP, "PUT", "x-trace:evil",
                        Outcome.REJECTED),
                preflight("preflight for a header name in UTF-8", APP, "PUT", "x-évil", Outcome.REJECTED,
                        Outcome.REFUSED_BY_SERVER),
                preflight("preflight for a header name with NUL", APP, "PUT", "content-type\u0000evil",
                        Outcome.REJECTED, Outcome.REFUSED_BY_SERVER),
                preflight("preflight naming 5 KiB of allowed headers", APP, "PUT", "content-type,".repeat(400),
                        Outcome.REJECTED),
                preflight("preflight with 40 empty elements", APP, "PUT", "content-type" + ",".repeat(40),
                        Outcome.REJECTED),
                preflight("preflight naming 64 KiB of headers", APP, "PUT", "x-evil,".repeat(64 * 1024 / 7),
                        Outcome.REFUSED_BY_SERVER),
                // What must still work
                actual("exact origin", APP, Outcome.ALLOWED).allowing(APP,
                        Map.of("Access-Control-Allow-Credentials", "true",
                                "Access-Control-Expose-Headers", "X-Request-Id")),
                actual("loopback origin with a port", "http://localhost:8080", Outcome.ALLOWED)
                    .allowing("http://localhost:8080", Map.of()),
                actual("hybrid app origin", "capacitor://localhost", Outcome.ALLOWED)
                    .allowing("capacitor://localhost", Map.of()),
                actual("punycode subdomain of an allowed domain", "https://xn--bcher-kva.example.com",
                        Outcome.ALLOWED).allowing("https://xn--bcher-kva.example.com", Map.of()),
                actual("whitespace around the origin, which is not part of the value", "  " + APP + " \t",
                        Outcome.ALLOWED)
                    .allowing(APP, Map.of()),
                on("/public/greeting", actual("null on a policy that allows every origin", "null", Outcome.PUBLIC)),
                on("/public/greeting", actual("trailing slash on a public policy's GET", "https://evil.net/",
                        Outcome.PUBLIC)),
                on("/public/greeting", actual("origin list on a public policy's GET", APP + ", https://evil.net",
                        Outcome.PUBLIC)),
                on("/public/greeting", actual("CRLF on a public policy's GET", "https://evil.net\r\nX-Injected: evil",
                        Outcome.PUBLIC, Outcome.REFUSED_BY_SERVER)),
                request("two Origin lines on a public policy's GET", "GET", "/public/greeting",
                        List.of(origin(APP), origin("https://evil.net")), Outcome.PUBLIC),
                preflight("preflight naming allowed headers in any case", APP, "PUT", " Content-Type ,x-trace",
                        Outcome.ALLOWED).allowing(APP,
                        Map.of("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, HEAD",
                                "Access-Control-Allow-Headers", "Content-Type, Authorization, X-Trace",
                                "Access-Control-Max-Age", "3600")),
                on("/lan/devices", preflight("private network preflight", APP, "GET", null, Outcome.ALLOWED)
                    .with(new Header("Access-Control-Request-Private-Network", "true")))
                    .allowing(APP, Map.of("Access-Control-Allow-Private-Network", "true")),
                on("/lan/devices", preflight("private network preflight in upper case", APP, "GET", null,
                        Outcome.ALLOWED).with(new Header("Access-Control-Request-Private-Network", "TRUE")))
                    .allowing(APP, Map.of("Access-Control-Allow-Private-Network", "")),
                on("/api/orders", preflight("private network preflight to a policy without it", APP, "GET", null,
                        Outcome.ALLOWED).with(new Header("Access-Control-Request-Private-Network", "true")))
                    .allowing(APP, Map.of("Access-Control-Allow-Private-Network", "")),
                request("navigation from a hostile site", "POST", "/api/orders",
                        List.of(origin("https://evil.net"), new Header("Sec-Fetch-Mode", "navigate")),
                        Outcome.NOT_CORS),
                actual("same origin", CorsCase.SELF, Outcome.NOT_CORS),
                request("no origin", "GET", "/api/orders", List.of(), Outcome.NOT_CORS));
    }

    private static Attack actual(String name, String origin, Outcome... acceptable) {
        return request(name, "GET", "/api/orders", List.of(origin(origin)), acceptable);
    }

    private static Attack preflight(String name, String origin, String method, @Nullable String headers,
            Outcome... acceptable) {
        List<Header> lines = new ArrayList<>(List.of(origin(origin), new Header("Access-Control-Request-Method",
                method)));
        if (headers != null) {
            lines.add(new Header("Access-Control-Request-Headers", headers));
        }
        return request(name, "OPTIONS", "/api/orders", lines, acceptable);
    }

    private static Attack request(String name, String method, String path, List<Header> headers,
            Outcome... acceptable) {
        return new Attack(name, method, path, headers, Set.of(acceptable), null, Map.of());
    }

    private static Attack on(String path, Attack attack) {
        return new Attack(attack.name(), attack.method(), path, attack.headers(), attack.acceptable(),
                attack.allowOrigin(), attack.expectedHeaders());
    }

    private static Header origin(String value) {
        return new Header("Origin", value);
    }

    /** How the server answered, read from the status, the headers and whether the handler ran. */
    enum Outcome {

        /** 403 from the filter, no {@code Access-Control-Allow-*} header, handler not run. */
        REJECTED,

        /** Allowed: {@code Access-Control-Allow-Origin}, and the handler ran unless it was a preflight. */
        ALLOWED,

        /** Passed to the handler untouched: no {@code Access-Control-Allow-*} header. */
        NOT_CORS,

        /**
         * A public policy's one answer to every {@code GET}: {@code Access-Control-Allow-Origin: *}, no other grant and
         * no {@code Vary: Origin}, the handler run.
         */
        PUBLIC,

        /** The server's own 400 or 431, before any filter. */
        REFUSED_BY_SERVER;

        static @Nullable Outcome of(Attack attack, Response response, boolean handled) {
            boolean granted = response.names().stream().anyMatch((name) -> name.startsWith("access-control-allow-"));
            boolean varies = response.values("Vary").stream().anyMatch((vary) -> vary.contains("Origin"));
            int status = response.status();
            if (status == 403 && !granted && !handled && varies && response.value("CORS-Rejection-Reason") != null
                    && response.body().isEmpty()) {
                return REJECTED;
            }
            if ((status == 400 || status == 431) && !granted && !handled) {
                return REFUSED_BY_SERVER;
            }
            if (status == 200 && granted && varies && handled != attack.isPreflight()) {
                return ALLOWED;
            }
            if (status == 200 && handled && !varies && List.of("*").equals(response.values("Access-Control-Allow-Origin"))
                    && response.names().stream().noneMatch((name) -> name.startsWith("access-control-allow-")
                            && !name.equals("access-control-allow-origin"))) {
                return PUBLIC;
            }
            if (status == 200 && !granted && handled && "called".equals(response.value("X-Handler"))) {
                return NOT_CORS;
            }
            return null;
        }
    }

    /**
     * One hostile or ordinary request and the answers it may get.
     * @param name what it tries
     * @param method the method
     * @param path the path
     * @param headers the header lines, sent as given
     * @param acceptable the outcomes that are correct
     * @param allowOrigin the {@code Access-Control-Allow-Origin} of an allowed answer
     * @param expectedHeaders more headers of an allowed answer; an empty value means absent
     */
    record Attack(String name, String method, String path, List<Header> headers, Set<Outcome> acceptable,
            @Nullable String allowOrigin, Map<String, String> expectedHeaders) {

        Attack allowing(String origin, Map<String, String> headers) {
            return new Attack(this.name, this.method, this.path, this.headers, this.acceptable, origin, headers);
        }

        Attack with(Header header) {
            List<Header> lines = new ArrayList<>(this.headers);
            lines.add(header);
            return new Attack(this.name, this.method, this.path, List.copyOf(lines), this.acceptable,
                    this.allowOrigin, this.expectedHeaders);
        }

        boolean isPreflight() {
            return "OPTIONS".equals(this.method) && this.headers.stream()
                .anyMatch((header) -> header.name().equals("Access-Control-Request-Method"));
        }

        Answer send(TestServer server) throws IOException {
            if (!needsRawSocket()) {
                Map<String, String> headers = new LinkedHashMap<>();
                this.headers.forEach((header) -> headers.put(header.name(), header.value()));
                Exchange exchange = server.send(this.method, this.path, headers);
                List<Header> received = new ArrayList<>();
                exchange.response().headers().map().forEach((name, values) -> values.forEach(
                        (value) -> received.add(new Header(name, value))));
                return new Answer(new Response(exchange.status(), List.copyOf(received), exchange.response().body()),
                        exchange.handlerCalled());
            }
            String id = UUID.randomUUID().toString();
            List<String> lines = new ArrayList<>();
            lines.add(HandlerCalls.HEADER + ": " + id);
            this.headers.forEach((header) -> lines.add(header.name() + ": "
                    + header.value().replace(CorsCase.SELF, server.origin())));
            Response response = RawHttp.exchange(server.port(), this.method, this.path, lines);
            return new Answer(response, server.bean(HandlerCalls.class).called(id));
        }

        // The JDK's client sends visible ASCII values under token names, each name once, and nothing else.
        private boolean needsRawSocket() {
            Set<String> names = new HashSet<>();
            for (Header header : this.headers) {
                if (!header.name().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || !names.add(header.name())
                        || !header.value().matches("[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?|")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return this.name;
        }
    }

    /**
     * An answer, whichever client received it.
     * @param response the status, headers and body
     * @param handlerCalled whether the request reached the handler
     */
    record Answer(Response response, boolean handlerCalled) {
    }
}
