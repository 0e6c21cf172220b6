package io.corsboot.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.CorsHeaders;
import io.corsboot.core.Reason;
import io.corsboot.testing.CorsCase.Req;
import io.corsboot.testing.CorsCase.Resp;
import io.corsboot.testing.CorsCase.Scope;
import io.corsboot.web.PolicySnapshot;

import static io.corsboot.core.Reason.HEADERS_NOT_ALLOWED;
import static io.corsboot.core.Reason.METHOD_NOT_ALLOWED;
import static io.corsboot.core.Reason.ORIGIN_NOT_ALLOWED;

/**
 * The request-handling rules of the contract as cases, all against one configuration ({@link #PROPERTIES}).
 *
 * <p>Filters and servers that run these cases put one handler behind the filter, {@link CaseHandler}. On the
 * servers, Spring's own CORS support also
 * applies, allowing {@link #SPRING_CORS_ORIGIN} alone: {@code /api/annotated} carries {@code @CrossOrigin},
 * {@code /api/global/**} and {@code /elsewhere/global/**} have a global CORS mapping, and with Spring Security all
 * three are under its {@code cors()}.
 */
public final class CorsCases {

    public static final String APP = "https://app.example.com";

    public static final String ADMIN = "https://admin.example.com";

    /** The only origin that Spring's own CORS configuration allows on the servers: never one a policy allows. */
    public static final String SPRING_CORS_ORIGIN = "https://annotated.example";

    static final String ACAO = "Access-Control-Allow-Origin";

    static final String ACAC = "Access-Control-Allow-Credentials";

    static final String ACAM = "Access-Control-Allow-Methods";

    static final String ACAH = "Access-Control-Allow-Headers";

    static final String ACEH = "Access-Control-Expose-Headers";

    static final String ACMA = "Access-Control-Max-Age";

    static final String ACAPN = "Access-Control-Allow-Private-Network";

    static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    static final Set<String> ALL_CORS_HEADERS = Set.of(ACAO, ACAC, ACAM, ACAH, ACEH, ACMA, ACAPN);

    /** The configuration every case runs against. */
    public static final String[] PROPERTIES = {
            "cors.policies.partner-api.paths=/api/**",
            "cors.policies.partner-api.allowed-origins=https://app.example.com,capacitor://localhost",
            "cors.policies.partner-api.allowed-origin-patterns=https://*.example.com,http://localhost:[*]",
            "cors.policies.partner-api.allowed-methods=GET,POST,PUT,DELETE",
            "cors.policies.partner-api.allowed-headers=Content-Type,Authorization,X-Trace",
            "cors.policies.partner-api.exposed-headers=X-Request-Id",
            "cors.policies.partner-api.allow-credentials=true",
            "cors.policies.partner-api.max-age=1h",
            "cors.policies.admin.paths=/api/admin/**",
            "cors.policies.admin.allowed-origins=https://admin.example.com",
            "cors.policies.admin.allowed-methods=GET",
            "cors.policies.public.paths=/public/**",
            "cors.policies.public.allowed-origins=*",
            "cors.policies.secure.paths=/secure/**",
            "cors.policies.secure.allowed-origins=https://app.example.com",
            "cors.policies.secure.allowed-headers=Authorization",
            "cors.policies.secure.allow-credentials=true",
            "cors.policies.lan.paths=/lan/**",
            "cors.policies.lan.allowed-origins=https://app.example.com",
            "cors.policies.lan.allow-private-network=true",
            "cors.policies.open.paths=/open/**",
            "cors.policies.open.allowed-origin-patterns=https://*.example.com",
            "cors.policies.open.allowed-methods=*",
            "cors.policies.open.allowed-headers=*",
            "cors.policies.open.allow-credentials=true",
            "cors.policies.previews.paths=/previews/**",
            "cors.policies.previews.allowed-origin-patterns=https://app-*.example.net",
            "cors.policies.hosted-here.paths=/hosted/**",
            "cors.policies.hosted-here.hosts=localhost",
            "cors.policies.hosted-here.allowed-origins=https://here.example",
            "cors.policies.hosted-elsewhere.paths=/hosted/**",
            "cors.policies.hosted-elsewhere.hosts=api.example.com,*.example.org",
            "cors.policies.hosted-elsewhere.allowed-origins=https://elsewhere.example",
            "cors.policies.hosted-anywhere.paths=/hosted/**",
            "cors.policies.hosted-anywhere.allowed-origins=https://anywhere.example" };

    private CorsCases() {
    }

    /** {@link #PROPERTIES}, compiled as the starter compiles them. */
    public static PolicySnapshot snapshot() {
        MockEnvironment environment = new MockEnvironment();
        for (String property : PROPERTIES) {
            int equals = property.indexOf('=');
            environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
        }
        return new CorsConfigurationLoader().load(environment);
    }

    /** Every case. */
    public static Stream<CorsCase> all() {
        return Stream.of(
                // Preflights
                named("an allowed preflight is answered by the filter with every header it needs")
                    .preflight("/api/orders", APP, "PUT").requestHeaders("content-type")
                    .answer(200).header(ACAO, APP).header(ACAC, "true")
                    .header(ACAM, "GET, POST, PUT, DELETE, HEAD")
                    .header(ACAH, "Content-Type, Authorization, X-Trace").header(ACMA, "3600")
                    .header("Vary", PREFLIGHT_VARY).absent(ACEH, ACAPN).handlerNotCalled(),
                named("a preflight without requested headers gets no Access-Control-Allow-Headers")
                    .preflight("/api/orders", APP, "POST").answer(200).header(ACAO, APP).absent(ACAH).handlerNotCalled(),
                named("a preflight from a subdomain matching a pattern is allowed")
                    .preflight("/api/orders", "https://shop.example.com", "PUT")
                    .answer(200).header(ACAO, "https://shop.example.com").handlerNotCalled(),
                named("a pattern's * matches several labels")
                    .preflight("/api/orders", "https://a.b.example.com", "PUT")
                    .answer(200).header(ACAO, "https://a.b.example.com").handlerNotCalled(),
                named("a pattern's * never matches the apex domain")
                    .preflight("/api/orders", "https://example.com", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("a pattern never matches a look-alike suffix")
                    .preflight("/api/orders", "https://app.example.com.evil.net", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("a pattern never matches a look-alike prefix")
                    .preflight("/api/orders", "https://evilexample.com", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("a pattern never matches a hyphenated look-alike")
                    .preflight("/api/orders", "https://evil-example.com", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("a * inside the leftmost label matches letters, digits and hyphens there")
                    .preflight("/previews/build", "https://app-pr-17.example.net", "POST")
                    .answer(200).header(ACAO, "https://app-pr-17.example.net").handlerNotCalled(),
                named("a * inside a label never matches a dot")
                    .preflight("/previews/build", "https://app-a.b.example.net", "POST").rejected(ORIGIN_NOT_ALLOWED),
                named("a * inside a label never matches nothing")
                    .preflight("/previews/build", "https://app-.example.net", "POST").rejected(ORIGIN_NOT_ALLOWED),
                named("a * inside a label never matches a look-alike suffix")
                    .preflight("/previews/build", "https://app-x.example.net.evil.com", "POST")
                    .rejected(ORIGIN_NOT_ALLOWED),
                named("a * inside a label never matches another label before it")
                    .preflight("/previews/build", "https://x.app-1.example.net", "POST").rejected(ORIGIN_NOT_ALLOWED),
                named("a policy for the request's host comes before one for every host")
                    .preflight("/hosted/things", "https://here.example", "POST")
                    .answer(200).header(ACAO, "https://here.example").handlerNotCalled(),
                named("a policy for other hosts never covers the request")
                    .preflight("/hosted/things", "https://elsewhere.example", "POST").rejected(ORIGIN_NOT_ALLOWED),
                named("a policy for every host steps aside where one for the request's host covers the path")
                    .preflight("/hosted/things", "https://anywhere.example", "POST").rejected(ORIGIN_NOT_ALLOWED),
                named("another scheme is another origin")
                    .preflight("/api/orders", "http://app.example.com", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("another port is another origin")
                    .preflight("/api/orders", "https://app.example.com:8443", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("an upper-case origin is not the serialised form browsers send")
                    .preflight("/api/orders", "https://APP.example.com", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("an origin with a trailing slash is malformed")
                    .preflight("/api/orders", "https://app.example.com/", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("an explicit default port is not the serialised form browsers send")
                    .preflight("/api/orders", "https://app.example.com:443", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("garbage in Origin is rejected, not an error")
                    .preflight("/api/orders", "not an origin", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("a port wildcard matches any port")
                    .preflight("/api/orders", "http://localhost:3000", "PUT")
                    .answer(200).header(ACAO, "http://localhost:3000").handlerNotCalled(),
                named("a port wildcard matches the default port")
                    .preflight("/api/orders", "http://localhost", "PUT")
                    .answer(200).header(ACAO, "http://localhost").handlerNotCalled(),
                named("an exact origin of a hybrid-app scheme is allowed")
                    .preflight("/api/orders", "capacitor://localhost", "PUT")
                    .answer(200).header(ACAO, "capacitor://localhost").handlerNotCalled(),
                named("the null origin is not allowed unless listed")
                    .preflight("/api/orders", "null", "PUT").rejected(ORIGIN_NOT_ALLOWED),
                named("a method the policy does not list is rejected")
                    .preflight("/api/orders", APP, "PATCH").rejected(METHOD_NOT_ALLOWED),
                named("a requested header the policy does not list is rejected")
                    .preflight("/api/orders", APP, "PUT").requestHeaders("x-other").rejected(HEADERS_NOT_ALLOWED),
                named("one header not allowed rejects the whole preflight, never a partial grant")
                    .preflight("/api/orders", APP, "PUT").requestHeaders("content-type,x-other").rejected(HEADERS_NOT_ALLOWED),
                named("requested headers are matched case-insensitively, whitespace tolerated")
                    .preflight("/api/orders", APP, "PUT").requestHeaders("X-TRACE , content-type")
                    .answer(200).header(ACAH, "Content-Type, Authorization, X-Trace").handlerNotCalled(),
                named("Authorization is allowed only where listed")
                    .preflight("/public/feed", "https://anyone.net", "GET").requestHeaders("authorization")
                    .rejected(HEADERS_NOT_ALLOWED),
                named("with credentials, * methods and headers are echoed, never *")
                    .preflight("/open/things", "https://shop.example.com", "PATCH")
                    .requestHeaders("authorization,x-custom")
                    .answer(200).header(ACAO, "https://shop.example.com").header(ACAC, "true")
                    .header(ACAM, "PATCH").header(ACAH, "authorization,x-custom").handlerNotCalled(),
                named("the most specific policy decides: a stricter admin path rejects the partner origin")
                    .preflight("/api/admin/users", APP, "GET").rejected(ORIGIN_NOT_ALLOWED),
                named("the most specific policy decides: the admin origin is allowed there")
                    .preflight("/api/admin/users", ADMIN, "GET")
                    .answer(200).header(ACAO, ADMIN).header(ACAM, "GET, HEAD").absent(ACAC).handlerNotCalled(),
                named("a private-network preflight is granted where the policy allows it")
                    .preflight("/lan/device", APP, "GET").with("Access-Control-Request-Private-Network", "true")
                    .answer(200).header(ACAPN, "true")
                    .header("Vary", PREFLIGHT_VARY + ", Access-Control-Request-Private-Network").handlerNotCalled(),
                named("a preflight to a policy that allows private network varies on it, even when not asked")
                    .preflight("/lan/device", APP, "GET")
                    .answer(200).header(ACAO, APP)
                    .header("Vary", PREFLIGHT_VARY + ", Access-Control-Request-Private-Network").absent(ACAPN)
                    .handlerNotCalled(),
                named("a private-network preflight elsewhere is answered without the grant, not rejected")
                    .preflight("/api/orders", APP, "GET").with("Access-Control-Request-Private-Network", "true")
                    .answer(200).header(ACAO, APP).header("Vary", PREFLIGHT_VARY).absent(ACAPN).handlerNotCalled(),
                named("a preflight to a secured path is answered without authentication")
                    .preflight("/secure/data", APP, "GET").requestHeaders("authorization")
                    .answer(200).header(ACAO, APP).header(ACAH, "Authorization").handlerNotCalled(),

                // Actual requests
                named("an allowed actual request reaches the handler with its CORS headers")
                    .request("GET", "/api/orders").origin(APP)
                    .answer(200).header(ACAO, APP).header(ACAC, "true").header(ACEH, "X-Request-Id")
                    .header("Vary", "Origin").absent(ACAM, ACAH, ACMA).handlerCalled(),
                named("an actual request from a disallowed origin is refused before the handler")
                    .request("GET", "/api/orders").origin("https://evil.net").rejected(ORIGIN_NOT_ALLOWED),
                named("an actual request with a disallowed method is refused before the handler")
                    .request("PATCH", "/api/orders").origin(APP).rejected(METHOD_NOT_ALLOWED),
                named("HEAD is allowed wherever GET is")
                    .request("HEAD", "/api/orders").origin(APP).answer(200).header(ACAO, APP).handlerCalled(),
                named("a plain OPTIONS is an actual request")
                    .request("OPTIONS", "/open/things").origin("https://shop.example.com")
                    .answer(200).header(ACAO, "https://shop.example.com").absent(ACAM, ACMA).handlerCalled(),
                named("any origin without credentials is answered with *, and a public GET without Vary: Origin")
                    .request("GET", "/public/feed").origin("https://anyone.net")
                    .answer(200).header(ACAO, "*").absent(ACAC, "Vary").handlerCalled(),
                named("headers a browser sends without asking need no grant")
                    .request("POST", "/public/feed").origin("https://anyone.net").with("Content-Type", "text/plain")
                    .with("Accept-Language", "de").with("Content-Language", "de")
                    .answer(200).header(ACAO, "*").header("Vary", "Origin").handlerCalled(),
                named("a public policy answers a GET without Origin alike, so that a shared cache keeps one copy")
                    .request("GET", "/public/feed").answer(200).header(ACAO, "*").absent(ACAC, "Vary").handlerCalled(),
                named("a public policy answers a same-origin GET alike")
                    .request("GET", "/public/feed").origin(CorsCase.SELF)
                    .answer(200).header(ACAO, "*").absent("Vary").handlerCalled(),
                named("a public policy answers a GET with a malformed Origin alike, reflecting nothing")
                    .request("GET", "/public/feed").origin("https://anyone.net/")
                    .answer(200).header(ACAO, "*").absent("Vary").handlerCalled(),
                named("a public policy answers HEAD as GET")
                    .request("HEAD", "/public/feed").origin("https://anyone.net")
                    .answer(200).header(ACAO, "*").absent("Vary").handlerCalled(),
                named("a public policy refuses a method it does not list, with Vary: Origin")
                    .request("PUT", "/public/feed").origin("https://anyone.net").rejected(METHOD_NOT_ALLOWED),
                named("a public policy's POST without Origin passes with Vary only")
                    .request("POST", "/public/feed")
                    .answer(200).header("Vary", "Origin").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("any origin includes null")
                    .request("GET", "/public/feed").origin("null").answer(200).header(ACAO, "*").handlerCalled(),

                // Requests that are not cross-origin
                named("a request without Origin passes with Vary only")
                    .request("GET", "/api/orders")
                    .answer(200).header("Vary", "Origin").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("a cross-site navigation is not a CORS request: the form post reaches its handler")
                    .request("POST", "/api/login").origin("https://idp.other.net").with("Sec-Fetch-Mode", "navigate")
                    .answer(200).header("Vary", "Origin").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("a same-origin request passes without CORS headers")
                    .request("POST", "/api/orders").origin(CorsCase.SELF)
                    .answer(200).header("Vary", "Origin").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("a path no policy covers is left alone")
                    .request("GET", "/elsewhere").origin(APP).leftToSpring()
                    .answer(200).absent(ALL_CORS_HEADERS).absent("Vary").handlerCalled(),
                // Spring MVC and WebFlux answer every preflight in their handler mapping: no controller runs.
                named("a preflight to a path no policy covers is left to the application")
                    .preflight("/elsewhere", APP, "PUT").onServer().leftToSpring()
                    .answer(200).absent(ALL_CORS_HEADERS).handlerNotCalled(),

                // What the rest of the chain does
                named("a Vary set by the handler is merged, never erased")
                    .request("GET", "/api/vary").origin(APP).onServer()
                    .answer(200).header(ACAO, APP).header("Vary", "Origin, Accept-Encoding").handlerCalled(),
                named("a 404 from the handler keeps the CORS headers")
                    .request("GET", "/api/missing").origin(APP).onServer()
                    .answer(404).header(ACAO, APP).header(ACAC, "true").header("Vary", "Origin").handlerCalled(),
                named("the error page of a throwing handler keeps the CORS headers")
                    .request("GET", "/api/boom").origin(APP).onServer()
                    .answer(500).header(ACAO, APP).header(ACAC, "true").header(ACEH, "X-Request-Id")
                    .header("Vary", "Origin").handlerCalled(),
                named("the error page of a throwing handler keeps Vary for a request without Origin")
                    .request("GET", "/api/boom").onServer()
                    .answer(500).header("Vary", "Origin").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("the error page of a ResponseStatusException keeps the CORS headers")
                    .request("GET", "/api/not-found").origin(APP).onServer()
                    .answer(404).header(ACAO, APP).header(ACAC, "true").header(ACEH, "X-Request-Id")
                    .header("Vary", "Origin").handlerCalled(),
                named("the error page of a ResponseStatusException keeps Vary for a request without Origin")
                    .request("GET", "/api/not-found").onServer()
                    .answer(404).header("Vary", "Origin").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("the error page of a throwing handler keeps * for any origin")
                    .request("GET", "/public/boom").origin("https://anyone.net").onServer()
                    .answer(500).header(ACAO, "*").absent(ACAC, "Vary").handlerCalled(),

                // What the handler writes cannot widen or duplicate the policy's answer
                named("a handler's own CORS headers never reach the browser: the policy's alone, once each")
                    .request("GET", "/api/rogue").origin(APP).behindFilter()
                    .answer(200).header(ACAO, APP).header(ACAC, "true").header(ACEH, "X-Request-Id")
                    .header("Vary", "Origin, Accept-Encoding").absent(ACAM, ACAH, ACMA, ACAPN).handlerCalled(),
                named("a handler cannot grant credentials that the policy does not, and keeps its own Vary")
                    .request("GET", "/public/rogue").origin("https://anyone.net").behindFilter()
                    .answer(200).header(ACAO, "*").header("Vary", "Accept-Encoding, Origin")
                    .absent(ACAC, ACEH, ACAM, ACAH, ACMA, ACAPN).handlerCalled(),
                named("a handler writes no CORS headers on a covered path, not even to a request without Origin")
                    .request("GET", "/api/rogue").behindFilter()
                    .answer(200).header("Vary", "Origin, Accept-Encoding").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("a handler writes no CORS headers to a same-origin request on a covered path")
                    .request("GET", "/api/rogue").origin(CorsCase.SELF).behindFilter()
                    .answer(200).header("Vary", "Origin, Accept-Encoding").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("a 404 from a handler that writes its own CORS headers carries the policy's alone")
                    .request("GET", "/api/rogue/missing").origin(APP).behindFilter()
                    .answer(404).header(ACAO, APP).header(ACAC, "true").header(ACEH, "X-Request-Id")
                    .absent(ACAM).handlerCalled(),
                named("the error page of a handler that wrote its own CORS headers carries the policy's alone")
                    .request("GET", "/api/rogue/boom").origin(APP).onServer()
                    .answer(500).header(ACAO, APP).header(ACAC, "true").absent(ACAM).handlerCalled(),
                named("on a path no policy covers, the handler's own CORS headers pass untouched")
                    .request("GET", "/elsewhere/rogue").origin(APP).behindFilter().leftToSpring()
                    .answer(200).header(ACAC, "true").header(ACEH, "X-Secret").header(ACAM, "*")
                    .header("Vary", "Accept-Encoding, Origin").handlerCalled(),

                // Spring's own CORS support on a covered path: the policy alone decides
                named("@CrossOrigin on a covered path adds no second set of headers and no Vary of its own")
                    .request("GET", "/api/annotated").origin(APP).onServer()
                    .answer(200).header(ACAO, APP).header(ACAC, "true").header("Vary", "Origin").handlerCalled(),
                named("@CrossOrigin on a covered path cannot widen the policy")
                    .request("GET", "/api/annotated").origin(SPRING_CORS_ORIGIN).onServer().rejected(ORIGIN_NOT_ALLOWED),
                named("a cross-site navigation to a path with @CrossOrigin reaches its handler")
                    .request("POST", "/api/annotated").origin("https://idp.other.net")
                    .with("Sec-Fetch-Mode", "navigate").onServer()
                    .answer(200).header("Vary", "Origin").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("a cross-site navigation from the origin @CrossOrigin allows gets no CORS headers from it")
                    .request("POST", "/api/annotated").origin(SPRING_CORS_ORIGIN)
                    .with("Sec-Fetch-Mode", "navigate").onServer()
                    .answer(200).header("Vary", "Origin").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("a global CORS mapping on a covered path adds no second set of headers and no Vary of its own")
                    .request("GET", "/api/global").origin(APP).onServer()
                    .answer(200).header(ACAO, APP).header(ACAC, "true").header("Vary", "Origin").handlerCalled(),
                named("a global CORS mapping on a covered path cannot widen the policy")
                    .request("GET", "/api/global").origin(SPRING_CORS_ORIGIN).onServer().rejected(ORIGIN_NOT_ALLOWED),
                named("a cross-site navigation to a path with a global CORS mapping reaches its handler")
                    .request("POST", "/api/global").origin("https://idp.other.net")
                    .with("Sec-Fetch-Mode", "navigate").onServer()
                    .answer(200).header("Vary", "Origin").absent(ALL_CORS_HEADERS).handlerCalled(),
                named("a path no policy covers keeps Spring's own CORS configuration")
                    .request("GET", "/elsewhere/global").origin(SPRING_CORS_ORIGIN).onServer()
                    .answer(200).header(ACAO, SPRING_CORS_ORIGIN).handlerCalled(),
                named("on a path no policy covers, Spring's own CORS configuration refuses what it does not allow")
                    .request("GET", "/elsewhere/global").origin(APP).onServer()
                    .answer(403).absent(ALL_CORS_HEADERS).handlerNotCalled())
            .map(Builder::build);
    }

    /**
     * Every case as a real server answers it. A case {@link CorsCase#leftToSpring() left to Spring} gets what
     * Spring's own CORS processing adds where no configuration applies, which differs between Spring Framework
     * lines: see {@link BootLine#SPRING_VARY_WITHOUT_CONFIGURATION} and
     * {@link BootLine#SPRING_PREFLIGHT_WITHOUT_CONFIGURATION}.
     */
    public static Stream<CorsCase> onServers() {
        return all().map((c) -> c.leftToSpring() ? asSpringAnswers(c) : c);
    }

    private static CorsCase asSpringAnswers(CorsCase c) {
        Resp expected = c.expected();
        boolean preflight = "OPTIONS".equals(c.request().method())
                && c.request().headers().containsKey("Access-Control-Request-Method");
        int status = preflight ? BootLine.SPRING_PREFLIGHT_WITHOUT_CONFIGURATION : expected.status();
        Map<String, String> headers = new LinkedHashMap<>(expected.headers());
        Set<String> absent = new LinkedHashSet<>(expected.absent());
        if (!BootLine.SPRING_VARY_WITHOUT_CONFIGURATION.isEmpty()) {
            List<String> vary = new ArrayList<>(BootLine.SPRING_VARY_WITHOUT_CONFIGURATION);
            if (headers.containsKey("Vary")) {
                vary.add(headers.get("Vary"));
            }
            headers.put("Vary", String.join(", ", vary));
            absent.remove("Vary");
        }
        return new CorsCase(c.name(), c.request(),
                new Resp(status, Map.copyOf(headers), Set.copyOf(absent), expected.handlerCalled()), c.scope(), false);
    }

    private static Builder named(String name) {
        return new Builder(name);
    }

    /** Reads each case as a sentence: request, then response. */
    private static final class Builder {

        private final String name;

        private String method = "GET";

        private String path = "/";

        private final Map<String, String> requestHeaders = new LinkedHashMap<>();

        private int status;

        private final Map<String, String> headers = new LinkedHashMap<>();

        private final Set<String> absent = new LinkedHashSet<>();

        private boolean handlerCalled;

        private Scope scope = Scope.ALL;

        private boolean leftToSpring;

        Builder(String name) {
            this.name = name;
        }

        Builder preflight(String path, String origin, String requestMethod) {
            return request("OPTIONS", path).origin(origin).with("Access-Control-Request-Method", requestMethod);
        }

        Builder request(String method, String path) {
            this.method = method;
            this.path = path;
            return this;
        }

        Builder origin(String origin) {
            return with("Origin", origin);
        }

        Builder requestHeaders(String names) {
            return with("Access-Control-Request-Headers", names);
        }

        Builder with(String header, String value) {
            this.requestHeaders.put(header, value);
            return this;
        }

        Builder onServer() {
            this.scope = Scope.SERVER;
            return this;
        }

        Builder behindFilter() {
            this.scope = Scope.FILTER;
            return this;
        }

        Builder leftToSpring() {
            this.leftToSpring = true;
            return this;
        }

        Builder answer(int status) {
            this.status = status;
            return this;
        }

        Builder header(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        Builder absent(String... names) {
            this.absent.addAll(List.of(names));
            return this;
        }

        Builder absent(Set<String> names) {
            this.absent.addAll(names);
            return this;
        }

        Builder handlerCalled() {
            this.handlerCalled = true;
            return this;
        }

        Builder handlerNotCalled() {
            this.handlerCalled = false;
            return this;
        }

        /**
         * A 403 with no Access-Control-Allow-* header, Vary as always, the reason in its own header, and the handler
         * never reached.
         */
        Builder rejected(Reason reason) {
            boolean preflight = "OPTIONS".equals(this.method)
                    && this.requestHeaders.containsKey("Access-Control-Request-Method");
            this.headers.put("Vary", preflight ? PREFLIGHT_VARY : "Origin");
            this.headers.put(CorsHeaders.REJECTION_REASON, reason.name());
            this.status = 403;
            this.absent.addAll(ALL_CORS_HEADERS);
            this.handlerCalled = false;
            return this;
        }

        CorsCase build() {
            return new CorsCase(this.name, new Req(this.method, this.path, Map.copyOf(this.requestHeaders)),
                    new Resp(this.status, Map.copyOf(this.headers), Set.copyOf(this.absent), this.handlerCalled),
                    this.scope, this.leftToSpring);
        }
    }
}
