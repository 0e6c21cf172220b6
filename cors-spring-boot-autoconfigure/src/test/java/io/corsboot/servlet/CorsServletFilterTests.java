package io.corsboot.servlet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.corsboot.testing.CaseHandler;
import io.corsboot.testing.CorsCase;
import io.corsboot.testing.CorsCase.Scope;
import io.corsboot.testing.CorsCases;
import io.corsboot.web.CorsDecider;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter alone, on mock requests: the shared cases, and what the application does to the response after it. */
class CorsServletFilterTests {

    private static final CorsServletFilter filter = new CorsServletFilter(
            new CorsDecider(new PolicySnapshotHolder(CorsCases.snapshot()), List.of()));

    private boolean handlerCalled;

    static Stream<CorsCase> casesBehindAFilter() {
        return CorsCases.all().filter((c) -> c.scope() != Scope.SERVER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesBehindAFilter")
    void behavesAsTheCaseSays(CorsCase c) throws Exception {
        MockHttpServletRequest request = request(c.request().method(), c.request().path());
        c.request().headers().forEach((name, value) -> request.addHeader(name, value.replace(CorsCase.SELF,
                "http://localhost:8080")));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, handler((r) -> r.setStatus(
                CaseHandler.handle(c.request().path(), r::setHeader, r::addHeader))));

        assertThat(this.handlerCalled).as("handler called").isEqualTo(c.expected().handlerCalled());
        assertThat(response.getStatus()).as("status").isEqualTo(c.expected().status());
        assertThat(headers(response)).containsAllEntriesOf(c.expected().headers());
        assertThat(headers(response)).doesNotContainKeys(c.expected().absent().toArray(String[]::new));
    }

    @Test
    void answersARejectionWithItsReasonInAHeaderAndNothingFromTheRequest() throws Exception {
        MockHttpServletRequest request = request("GET", "/api/orders");
        request.addHeader("Origin", "https://evil.example.net");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, handler((r) -> { }));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeaders("CORS-Rejection-Reason")).containsExactly("ORIGIN_NOT_ALLOWED");
        assertThat(response.getHeaderNames()).containsExactlyInAnyOrder("Vary", "CORS-Rejection-Reason");
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void keepsAVaryThatWasThereBeforeAndAddsNoTokenTwice() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.addHeader("Vary", "Accept-Encoding, origin");
        filter.doFilter(preflight("/api/orders"), response, handler((r) -> { }));

        assertThat(response.getHeaders("Vary")).containsExactly("Accept-Encoding, origin",
                "Access-Control-Request-Method", "Access-Control-Request-Headers");
    }

    @Test
    void keepsItsVaryWhenTheApplicationSetsVary() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(actual("/api/orders"), response, handler((r) -> r.setHeader("Vary", "Accept-Encoding")));

        assertThat(response.getHeaders("Vary")).containsExactly("Origin", "Accept-Encoding");
    }

    @Test
    void writesItsHeadersAgainWhenTheApplicationResetsTheResponse() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(actual("/api/orders"), response, handler(HttpServletResponse::reset));

        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(CorsCases.APP);
        assertThat(response.getHeaders("Vary")).containsExactly("Origin");
    }

    // Jetty clears Vary with the content headers before it dispatches to the error page; Access-Control-* stay.
    @Test
    void writesTheRequestsDecisionAgainOnTheErrorDispatchWithoutDecidingAgain() throws Exception {
        AtomicInteger decisions = new AtomicInteger();
        CorsServletFilter counted = counting(decisions);
        MockHttpServletRequest request = actual("/api/boom");
        counted.doFilter(request, new MockHttpServletResponse(), handler((r) -> { }));
        MockHttpServletResponse cleared = new MockHttpServletResponse();
        cleared.setHeader("Access-Control-Allow-Origin", CorsCases.APP);
        error(request);
        counted.doFilter(request, cleared, handler((r) -> { }));

        assertThat(cleared.getHeaders("Access-Control-Allow-Origin")).containsExactly(CorsCases.APP);
        assertThat(cleared.getHeaders("Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(cleared.getHeaders("Vary")).containsExactly("Origin");
        assertThat(decisions).hasValue(1);
    }

    @Test
    void leavesTheErrorDispatchOfARequestItDidNotDecideAlone() throws Exception {
        MockHttpServletRequest request = error(actual("/api/boom"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, handler((r) -> { }));

        assertThat(this.handlerCalled).isTrue();
        assertThat(response.getHeaderNames()).isEmpty();
    }

    // The error page's forward from Boot's ErrorPageFilter, in a war deployment.
    @Test
    void writesTheRequestsDecisionAgainOnTheForwardToAnErrorPage() throws Exception {
        MockHttpServletRequest request = actual("/api/boom");
        filter.doFilter(request, new MockHttpServletResponse(), handler((r) -> { }));
        error(request).setDispatcherType(DispatcherType.FORWARD);
        MockHttpServletResponse cleared = new MockHttpServletResponse();
        filter.doFilter(request, cleared, handler((r) -> { }));

        assertThat(cleared.getHeaders("Vary")).containsExactly("Origin");
        assertThat(cleared.getHeader("Access-Control-Allow-Origin")).isEqualTo(CorsCases.APP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laterDispatches")
    void decidesARequestOnceAndPassesItsLaterDispatchesAsTheyAre(DispatcherType type) throws Exception {
        AtomicInteger decisions = new AtomicInteger();
        CorsServletFilter counted = counting(decisions);
        MockHttpServletRequest request = actual("/api/orders");
        counted.doFilter(request, new MockHttpServletResponse(), handler((r) -> { }));
        request.setDispatcherType(type);
        MockHttpServletResponse later = new MockHttpServletResponse();
        AtomicReference<ServletResponse> passedOn = new AtomicReference<>();
        counted.doFilter(request, later, (passed, response) -> passedOn.set(response));

        assertThat(passedOn).hasValue(later);
        assertThat(decisions).hasValue(1);
        assertThat(later.getHeaderNames()).isEmpty();
    }

    static Stream<DispatcherType> laterDispatches() {
        return Stream.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE,
                DispatcherType.ASYNC);
    }

    @Test
    void leavesNoMarkOnARequestNoPolicyCovers() throws Exception {
        MockHttpServletRequest request = actual("/elsewhere/greeting");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, handler((r) -> { }));

        assertThat(this.handlerCalled).isTrue();
        assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
        assertThat(response.getHeaderNames()).isEmpty();
    }

    @Test
    void choosesThePolicyByThePathWithinTheApplication() throws Exception {
        MockHttpServletRequest request = actual("/shop/api/orders");
        request.setContextPath("/shop");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, handler((r) -> { }));

        assertThat(this.handlerCalled).isTrue();
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(CorsCases.APP);
    }

    // A filter over the shared cases that counts its decisions.
    private static CorsServletFilter counting(AtomicInteger decisions) {
        return new CorsServletFilter(new CorsDecider(new PolicySnapshotHolder(CorsCases.snapshot()),
                List.of((decision, candidate, request) -> decisions.incrementAndGet())));
    }

    private FilterChain handler(ResponseAction action) {
        return (request, response) -> {
            this.handlerCalled = true;
            action.apply((HttpServletResponse) response);
        };
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServerPort(8080);
        return request;
    }

    private static MockHttpServletRequest actual(String path) {
        MockHttpServletRequest request = request("GET", path);
        request.addHeader("Origin", CorsCases.APP);
        return request;
    }

    /** The request, dispatched again to the error page as a server does. */
    private static MockHttpServletRequest error(MockHttpServletRequest request) {
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.setRequestURI("/error");
        return request;
    }

    private static MockHttpServletRequest preflight(String path) {
        MockHttpServletRequest request = request("OPTIONS", path);
        request.addHeader("Origin", CorsCases.APP);
        request.addHeader("Access-Control-Request-Method", "PUT");
        return request;
    }

    // Vary as the case table compares it: the tokens of all lines joined with ", ".
    private static Map<String, String> headers(MockHttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, String.join(", ", response.getHeaders(name)));
        }
        return headers;
    }

    @FunctionalInterface
    private interface ResponseAction {

        void apply(HttpServletResponse response);
    }
}
