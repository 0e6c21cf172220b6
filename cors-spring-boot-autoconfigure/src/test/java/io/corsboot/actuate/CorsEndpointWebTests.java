package io.corsboot.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;

import io.corsboot.core.ConfigProblem;
import io.corsboot.web.PolicySnapshotHolder;

import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/**
 * The {@code cors} endpoint over HTTP, against a real server; one subclass per web stack, since both must answer
 * alike.
 */
@TestPropertySource("endpoint.properties")
abstract class CorsEndpointWebTests {

    static final String APP = "https://app.example.com";

    static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    @LocalServerPort
    private int port;

    @Autowired
    private PolicySnapshotHolder snapshots;

    private WebTestClient client;

    @BeforeEach
    void client() {
        // The first request to a server that has just started may take longer than WebTestClient's default 5 seconds
        // on a busy machine.
        this.client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + this.port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    // The listing

    @Test
    void listsThePoliciesMostSpecificFirst() {
        listing().jsonPath("$.enabled").isEqualTo(true)
            .jsonPath("$.policies[*].name").isEqualTo(List.of("orders", "public", "lan", "partner-api"));
    }

    @Test
    void listsTheEffectivePolicyWithDefaultsAppliedAndOriginsNormalised() {
        listing().jsonPath("$.policies[3].name").isEqualTo("partner-api")
            .jsonPath("$.policies[3].paths").isEqualTo(List.of("/api/**"))
            .jsonPath("$.policies[3].allowedOrigins").isEqualTo(List.of(APP, "http://localhost:3000"))
            .jsonPath("$.policies[3].allowedOriginPatterns").isEqualTo(List.of("https://*.partner.example"))
            .jsonPath("$.policies[3].allowedMethods").isEqualTo(List.of("GET", "POST", "PUT", "DELETE", "PATCH"))
            .jsonPath("$.policies[3].allowedHeaders")
            .isEqualTo(List.of("Content-Type", "Authorization", "X-Request-Id"))
            .jsonPath("$.policies[3].exposedHeaders").isEqualTo(List.of("X-Request-Id"))
            .jsonPath("$.policies[3].allowCredentials").isEqualTo(true)
            .jsonPath("$.policies[3].allowPrivateNetwork").isEqualTo(false)
            .jsonPath("$.policies[3].maxAgeSeconds").isEqualTo(3600)
            .jsonPath("$.policies[3].suppliedOrigins").isEqualTo(0)
            .jsonPath("$.policies[3].cacheable").isEqualTo(false)
            .jsonPath("$.policies[3].pendingSuppliers").isEqualTo(List.of())
            .jsonPath("$.policies[1].cacheable").isEqualTo(true)
            .jsonPath("$.policies[1].allowedMethods").isEqualTo(List.of("GET", "HEAD", "POST"))
            .jsonPath("$.policies[1].maxAgeSeconds").isEqualTo(1800);
    }

    @Test
    void listsTheEffectiveCandidateOrNull() {
        listing().jsonPath("$.policies[3].candidate.allowedMethods").isEqualTo(List.of("GET", "POST"))
            .jsonPath("$.policies[3].candidate.allowedOrigins").isEqualTo(List.of(APP, "http://localhost:3000"))
            .jsonPath("$.policies[3].candidate.paths").isEqualTo(List.of("/api/**"))
            .jsonPath("$.policies[3].candidate.maxAgeSeconds").isEqualTo(3600)
            .jsonPath("$.policies[1].candidate").value(nullValue());
    }

    @Test
    void showsTheFingerprintOfTheConfigurationInForce() {
        // What every instance with endpoint.properties shows, on every start: a change in what the fingerprint
        // covers, or in how it is computed, must change this value on purpose.
        listing().jsonPath("$.fingerprint").value(matchesPattern("[0-9a-f]{64}"))
            .jsonPath("$.fingerprint").isEqualTo("2ad1084007a1b2ee5d09c7111d376c5a2f04f702f393d511b930985a2f2ddcdb");
    }

    @Test
    void listsTheWarningsInTheWordsOfTheStartupLog() {
        List<String> warnings = this.snapshots.get().warnings().stream().map(ConfigProblem::describe).toList();
        listing().jsonPath("$.warnings").isEqualTo(warnings)
            .jsonPath("$.warnings[0]").isEqualTo("cors.policies.lan.max-age: A max-age of 3h is above two hours, "
                    + "and Chromium caps preflight caching there. Use 2h or less, so that every browser behaves alike.");
    }

    @Test
    void showsThatNoChangeWasRefused() {
        listing().jsonPath("$.refused").value(nullValue()).jsonPath("$.policies[0].suppliedOrigins").isEqualTo(0);
    }

    // Every reason

    @Test
    void aRequestWithoutOriginIsNotCors() {
        check("path=/api/orders").jsonPath("$.policy").isEqualTo("partner-api")
            .jsonPath("$.preflight").isEqualTo(false)
            .jsonPath("$.allowed").isEqualTo(false)
            .jsonPath("$.reason").isEqualTo("NOT_CORS")
            .jsonPath("$.explanation")
            .isEqualTo("Without an origin this is not a CORS request, so it is passed through untouched.")
            .jsonPath("$.hint").value(nullValue())
            .jsonPath("$.responseHeaders").isEqualTo(Map.of("Vary", "Origin"));
    }

    @Test
    void theOriginTheCheckArrivedOnIsSameOrigin() {
        String self = "http://localhost:" + this.port;
        check("path=/api/orders", "origin=" + self, "method=PUT", "headers=x-other").jsonPath("$.reason")
            .isEqualTo("SAME_ORIGIN")
            .jsonPath("$.preflight").isEqualTo(false)
            .jsonPath("$.allowed").isEqualTo(false)
            .jsonPath("$.explanation").isEqualTo("Origin " + self + " is the origin this check request arrived on, "
                    + "so the request is same-origin and passed through untouched.")
            .jsonPath("$.responseHeaders").isEqualTo(Map.of("Vary", "Origin"));
    }

    @Test
    void theOriginTheCheckArrivedOnIsSameOriginWhereNoPolicyApplies() {
        check("path=/elsewhere", "origin=http://localhost:" + this.port).jsonPath("$.reason").isEqualTo("SAME_ORIGIN")
            .jsonPath("$.policy").value(nullValue());
    }

    @Test
    void aPathNoPolicyCoversHasNoPolicy() {
        check("path=/elsewhere", "origin=" + APP, "method=PUT").jsonPath("$.policy").value(nullValue())
            .jsonPath("$.preflight").isEqualTo(true)
            .jsonPath("$.allowed").isEqualTo(false)
            .jsonPath("$.reason").isEqualTo("NO_POLICY")
            .jsonPath("$.explanation")
            .isEqualTo("No policy covers path /elsewhere, so the filter leaves the request to the application.")
            .jsonPath("$.hint").value(nullValue())
            .jsonPath("$.responseHeaders").isEqualTo(Map.of())
            .jsonPath("$.candidate").value(nullValue());
    }

    @Test
    void anOriginThePolicyDoesNotListIsRejected() {
        check("path=/api/orders", "origin=https://evil.example.net", "method=PUT").jsonPath("$.policy")
            .isEqualTo("partner-api")
            .jsonPath("$.preflight").isEqualTo(true)
            .jsonPath("$.allowed").isEqualTo(false)
            .jsonPath("$.reason").isEqualTo("ORIGIN_NOT_ALLOWED")
            .jsonPath("$.explanation").isEqualTo("Origin https://evil.example.net is not allowed by policy partner-api.")
            .jsonPath("$.hint").value(nullValue())
            .jsonPath("$.responseHeaders")
            .isEqualTo(Map.of("Vary", PREFLIGHT_VARY, "CORS-Rejection-Reason", "ORIGIN_NOT_ALLOWED"));
    }

    @Test
    void aMethodThePolicyDoesNotListIsRejected() {
        check("path=/api/orders", "origin=" + APP, "method=PURGE").jsonPath("$.reason").isEqualTo("METHOD_NOT_ALLOWED")
            .jsonPath("$.preflight").isEqualTo(true)
            .jsonPath("$.explanation").isEqualTo("Method PURGE is not allowed by policy partner-api.")
            .jsonPath("$.hint").value(nullValue());
    }

    @Test
    void aHeaderThePolicyDoesNotListIsRejected() {
        check("path=/api/orders", "origin=" + APP, "method=PUT", "headers=Content-Type, X-Secret").jsonPath("$.reason")
            .isEqualTo("HEADERS_NOT_ALLOWED")
            .jsonPath("$.explanation").isEqualTo("Request header x-secret is not allowed by policy partner-api.")
            .jsonPath("$.hint").value(nullValue())
            .jsonPath("$.responseHeaders")
            .isEqualTo(Map.of("Vary", PREFLIGHT_VARY, "CORS-Rejection-Reason", "HEADERS_NOT_ALLOWED"));
    }

    @Test
    void anAllowedPreflightShowsTheHeadersTheFilterWrites() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Vary", PREFLIGHT_VARY);
        headers.put("Access-Control-Allow-Origin", APP);
        headers.put("Access-Control-Allow-Credentials", "true");
        headers.put("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, PATCH, HEAD");
        headers.put("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Request-Id");
        headers.put("Access-Control-Max-Age", "3600");
        check("path=/api/orders", "origin=" + APP, "method=PUT", "headers=x-request-id").jsonPath("$.policy")
            .isEqualTo("partner-api")
            .jsonPath("$.preflight").isEqualTo(true)
            .jsonPath("$.allowed").isEqualTo(true)
            .jsonPath("$.reason").isEqualTo("ALLOWED")
            .jsonPath("$.explanation").isEqualTo("Policy partner-api allows this preflight from " + APP
                    + ", so the browser goes on to send the PUT request.")
            .jsonPath("$.hint").value(nullValue())
            .jsonPath("$.responseHeaders").isEqualTo(headers);
    }

    @Test
    void anAllowedSimpleRequestIsNoPreflight() {
        check("path=/api/orders", "origin=https://shop.partner.example", "method=post",
                "contentType=text/plain;charset=UTF-8")
            .jsonPath("$.preflight").isEqualTo(false)
            .jsonPath("$.reason").isEqualTo("ALLOWED")
            .jsonPath("$.explanation")
            .isEqualTo("Policy partner-api allows this POST request from https://shop.partner.example.")
            .jsonPath("$.responseHeaders").isEqualTo(Map.of("Vary", "Origin", "Access-Control-Allow-Origin",
                    "https://shop.partner.example", "Access-Control-Allow-Credentials", "true",
                    "Access-Control-Expose-Headers", "X-Request-Id"));
    }

    @Test
    void theCandidateIsEvaluatedBesideThePolicy() {
        check("path=/api/orders", "origin=" + APP, "method=PUT").jsonPath("$.allowed").isEqualTo(true)
            .jsonPath("$.candidate.allowed").isEqualTo(false)
            .jsonPath("$.candidate.reason").isEqualTo("METHOD_NOT_ALLOWED");
        check("path=/public/feed", "origin=" + APP).jsonPath("$.candidate").value(nullValue());
    }

    @Test
    void aPublicPolicysGetIsAnsweredAlikeWithOrWithoutAnOrigin() {
        String publicAnswer = "Policy public is public, so every GET and HEAD on its paths gets "
                + "Access-Control-Allow-Origin: * and no Vary: Origin, whatever the origin: a shared cache keeps one copy.";
        check("path=/public/feed").jsonPath("$.reason").isEqualTo("NOT_CORS")
            .jsonPath("$.responseHeaders").isEqualTo(Map.of("Access-Control-Allow-Origin", "*"))
            .jsonPath("$.explanation").isEqualTo("Without an origin this is not a CORS request. " + publicAnswer);
        check("path=/public/feed", "origin=https://anyone.net").jsonPath("$.reason").isEqualTo("ALLOWED")
            .jsonPath("$.responseHeaders").isEqualTo(Map.of("Access-Control-Allow-Origin", "*"));
        check("path=/public/feed", "origin=https://anyone.net", "method=POST")
            .jsonPath("$.responseHeaders")
            .isEqualTo(Map.of("Access-Control-Allow-Origin", "*", "Vary", "Origin"));
    }

    // What makes a browser send a preflight

    @Test
    void aContentTypeThatIsNotSafelistedMakesAPreflightThatAsksForContentType() {
        check("path=/api/orders", "origin=" + APP, "method=POST", "contentType=application/json")
            .jsonPath("$.preflight").isEqualTo(true)
            .jsonPath("$.reason").isEqualTo("ALLOWED")
            .jsonPath("$.responseHeaders['Access-Control-Allow-Headers']")
            .isEqualTo("Content-Type, Authorization, X-Request-Id");
    }

    @Test
    void aPrivateNetworkRequestMakesAPreflight() {
        check("path=/lan/device", "origin=" + APP, "privateNetwork=true").jsonPath("$.preflight").isEqualTo(true)
            .jsonPath("$.reason").isEqualTo("ALLOWED")
            .jsonPath("$.hint").value(nullValue())
            .jsonPath("$.responseHeaders['Access-Control-Allow-Private-Network']").isEqualTo("true")
            .jsonPath("$.responseHeaders.Vary").isEqualTo(PREFLIGHT_VARY + ", Access-Control-Request-Private-Network");
    }

    // Every kind of hint

    @Test
    void hintsAtAnOriginThatDiffersOnlyByWww() {
        check("path=/api/orders", "origin=https://www.app.example.com", "method=PUT", "headers=content-type")
            .jsonPath("$.reason").isEqualTo("ORIGIN_NOT_ALLOWED")
            .jsonPath("$.explanation")
            .isEqualTo("Origin https://www.app.example.com is not allowed by policy partner-api.")
            .jsonPath("$.hint").isEqualTo("https://app.example.com is allowed: the origin differs only by 'www.'.");
    }

    @Test
    void hintsAtAnOriginThatDiffersOnlyByScheme() {
        checkHint("https://app.example.com is allowed: the origin differs only by its scheme.", "path=/api/orders",
                "origin=http://app.example.com");
    }

    @Test
    void hintsAtAnOriginThatDiffersOnlyByPort() {
        checkHint("http://localhost:3000 is allowed: the origin differs only by its port.", "path=/api/orders",
                "origin=http://localhost:3001");
    }

    @Test
    void hintsAtAnOriginThatDiffersOnlyByTheLoopbackName() {
        checkHint("http://localhost:3000 is allowed: the origin differs only by its host, and browsers treat "
                + "127.0.0.1 and localhost as different origins, though both name this machine. Allow "
                + "http://127.0.0.1:3000 too, or open the page as http://localhost:3000.", "path=/api/orders",
                "origin=http://127.0.0.1:3000");
        checkHint("http://localhost:3000 is allowed: the origin differs only by case and its host, and browsers "
                + "treat [::1] and localhost as different origins, though both name this machine. Allow "
                + "http://[::1]:3000 too, or open the page as http://localhost:3000.", "path=/api/orders",
                "origin=HTTP://[::1]:3000");
    }

    @Test
    void hintsAtAnOriginThatDiffersOnlyByATrailingSlash() {
        checkHint("https://app.example.com is allowed: the origin differs only by a trailing slash.",
                "path=/api/orders", "origin=https://app.example.com/");
    }

    @Test
    void hintsAtAnOriginThatDiffersOnlyByCase() {
        checkHint("https://app.example.com is allowed: the origin differs only by case.", "path=/api/orders",
                "origin=https://App.Example.COM");
    }

    @Test
    void hintsAtAnOriginThatDiffersOnlyByAnExplicitDefaultPort() {
        checkHint("https://app.example.com is allowed: the origin differs only by an explicit default port.",
                "path=/api/orders", "origin=https://app.example.com:443");
    }

    @Test
    void hintsAtAMethodOneEditAway() {
        checkHint("PUT is allowed: PUTT differs from it by one character.", "path=/api/orders", "origin=" + APP,
                "method=PUTT");
    }

    @Test
    void hintsAtHeadWhereGetIsAllowed() {
        checkHint("HEAD is allowed: HEAF differs from it by one character.", "path=/api/orders", "origin=" + APP,
                "method=HEAF");
    }

    @Test
    void hintsThatMethodsAreCaseSensitive() {
        checkHint("PATCH is allowed: methods are case-sensitive, and browsers upper-case only DELETE, GET, HEAD, "
                + "OPTIONS, POST and PUT, so the script must send PATCH.", "path=/api/orders", "origin=" + APP,
                "method=patch");
    }

    @Test
    void hintsAtAHeaderOneEditAway() {
        checkHint("X-Request-Id is allowed: x-requestid differs from it by one character.", "path=/api/orders",
                "origin=" + APP, "method=PUT", "headers=content-type,x-requestid");
    }

    @Test
    void hintsThatAContentTypeThatIsNotSafelistedNeedsContentTypeAllowed() {
        check("path=/public/feed", "origin=https://anyone.net", "method=POST", "contentType=application/json")
            .jsonPath("$.reason").isEqualTo("HEADERS_NOT_ALLOWED")
            .jsonPath("$.explanation").isEqualTo("Request header content-type is not allowed by policy public.")
            .jsonPath("$.hint").isEqualTo("The content type is not CORS-safelisted, so the preflight asks for "
                    + "Content-Type: allow it in allowed-headers, or send text/plain, "
                    + "application/x-www-form-urlencoded or multipart/form-data.");
    }

    @Test
    void hintsAtAPolicyForThePathWithoutATrailingSlash() {
        checkHint("Policy orders covers /orders/42: the path differs only by a trailing slash.", "path=/orders/42/",
                "origin=" + APP);
    }

    @Test
    void hintsAtAPolicyForThePathInLowerCase() {
        checkHint("Policy public covers /public/feed: the path differs only by case.", "path=/Public/feed",
                "origin=" + APP);
    }

    @Test
    void hintsAtAPolicyForThePathWithoutItsFirstSegment() {
        checkHint("Policy public covers /public/feed: the path differs only by its leading /app (check takes the "
                + "path without the context path).", "path=/app/public/feed", "origin=" + APP);
    }

    @Test
    void hintsAtAnotherPolicyThatWouldAllowTheRequestOnANearbyPath() {
        check("path=/lan/public/feed", "origin=https://anyone.net").jsonPath("$.reason").isEqualTo("ORIGIN_NOT_ALLOWED")
            .jsonPath("$.policy").isEqualTo("lan")
            .jsonPath("$.hint").isEqualTo("Policy public would allow this request on /public/feed: the path differs "
                    + "only by its leading /lan (check takes the path without the context path).");
    }

    @Test
    void hintsThatThePrivateNetworkCheckWillFailWhereThePolicyDoesNotAllowIt() {
        check("path=/api/orders", "origin=" + APP, "privateNetwork=true").jsonPath("$.preflight").isEqualTo(true)
            .jsonPath("$.allowed").isEqualTo(true)
            .jsonPath("$.responseHeaders['Access-Control-Allow-Private-Network']").doesNotExist()
            .jsonPath("$.hint").isEqualTo("Policy partner-api does not allow private network access, so the answer "
                    + "lacks Access-Control-Allow-Private-Network and the browser's own Private Network Access check "
                    + "will fail.");
    }

    // Bad parameters

    @Test
    void anOriginThatCannotBeParsedIsABadRequest() {
        badRequest("origin \"app.example.com\" is not an origin: write it as scheme://host[:port], such as "
                + "https://app.example.com.", "path=/api/orders", "origin=app.example.com");
    }

    @Test
    void anInvalidMethodTokenIsABadRequest() {
        badRequest("method \"GE(T\" is not a method: only letters, digits and !#$%&'*+-.^_`|~ are allowed "
                + "(RFC 9110, section 5.6.2).", "path=/api/orders", "origin=" + APP, "method=GE(T");
    }

    @Test
    void anInvalidHeaderNameIsABadRequest() {
        badRequest("header \"x y\" is not a header name: only letters, digits and !#$%&'*+-.^_`|~ are allowed "
                + "(RFC 9110, section 5.6.2).", "path=/api/orders", "origin=" + APP, "headers=x y");
    }

    @Test
    void aPrivateNetworkFlagThatIsNeitherTrueNorFalseIsABadRequest() {
        badRequest("privateNetwork \"yes\" is neither true nor false.", "path=/api/orders", "privateNetwork=yes");
    }

    @Test
    void aMissingPathIsABadRequest() {
        badRequest("path is required: give the path within the application, such as /api/orders.", "origin=" + APP);
    }

    @Test
    void aPathWithoutLeadingSlashIsABadRequest() {
        badRequest("path \"api/orders\" does not start with '/': give the path within the application, such as "
                + "/api/orders.", "path=api/orders");
    }

    @Test
    void anotherOperationIsNotFound() {
        this.client.get().uri("/actuator/cors/other?path=/api/orders").exchange().expectStatus().isNotFound();
    }

    private BodyContentSpec listing() {
        return this.client.get().uri("/actuator/cors").exchange().expectStatus().isOk().expectBody();
    }

    private BodyContentSpec check(String... parameters) {
        return this.client.get().uri(checkUri(parameters), variables(parameters)).exchange().expectStatus().isOk()
            .expectBody();
    }

    private void checkHint(String hint, String... parameters) {
        check(parameters).jsonPath("$.allowed").isEqualTo(false).jsonPath("$.hint").isEqualTo(hint);
    }

    private void badRequest(String message, String... parameters) {
        this.client.get().uri(checkUri(parameters), variables(parameters)).exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.message").isEqualTo(message);
    }

    // Values go in as URI variables, so that they are encoded whatever they hold.
    private static String checkUri(String... parameters) {
        return "/actuator/cors/check?" + variables(parameters).keySet()
            .stream()
            .map((name) -> name + "={" + name + "}")
            .collect(Collectors.joining("&"));
    }

    private static Map<String, String> variables(String... parameters) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            variables.put(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        return variables;
    }
}
