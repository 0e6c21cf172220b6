package io.corsboot.reactive;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.testing.CaseHandler;
import io.corsboot.testing.CorsCase;
import io.corsboot.testing.CorsCase.Scope;
import io.corsboot.testing.CorsCases;
import io.corsboot.web.CorsDecider;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;

class CorsReactiveWebFilterTests {

    private static final String APP = "https://app.example.com";

    private static final IllegalStateException FAILURE = new IllegalStateException("The handler failed");

    private static final String SELF = "http://localhost:8080";

    private static final CorsReactiveWebFilter casesFilter = new CorsReactiveWebFilter(
            new CorsDecider(new PolicySnapshotHolder(CorsCases.snapshot()), List.of()));

    private final CorsReactiveWebFilter filter = new CorsReactiveWebFilter(processor());

    private final AtomicBoolean chainCalled = new AtomicBoolean();

    static Stream<CorsCase> casesBehindAFilter() {
        return CorsCases.all().filter((c) -> c.scope() != Scope.SERVER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesBehindAFilter")
    void behavesAsTheCaseSays(CorsCase c) {
        MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest
            .method(HttpMethod.valueOf(c.request().method()), URI.create(SELF + c.request().path()));
        c.request().headers().forEach((name, value) -> request.header(name, value.replace(CorsCase.SELF, SELF)));
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        casesFilter.filter(exchange, (filtered) -> {
            this.chainCalled.set(true);
            ServerHttpResponse response = filtered.getResponse();
            response.setStatusCode(HttpStatusCode.valueOf(CaseHandler.handle(c.request().path(),
                    response.getHeaders()::set, response.getHeaders()::add)));
            return response.setComplete();
        }).block();
        exchange.getResponse().setComplete().block();

        assertThat(this.chainCalled.get()).as("handler called").isEqualTo(c.expected().handlerCalled());
        assertThat(exchange.getResponse().getStatusCode()).as("status")
            .isEqualTo(HttpStatusCode.valueOf(c.expected().status()));
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getResponse().getHeaders().forEach((name, lines) -> headers.put(name, String.join(", ", lines)));
        assertThat(headers).containsAllEntriesOf(c.expected().headers());
        assertThat(headers).doesNotContainKeys(c.expected().absent().toArray(String[]::new));
    }

    @Test
    void namesItselfWithOneStringForEveryRequestThroughSpringsFilterChain() {
        assertThat(this.filter.toString()).isEqualTo(CorsReactiveWebFilter.class.getName())
            .isSameAs(this.filter.toString());
    }

    @Test
    void aHandlerThatReplacesVaryKeepsOrigin() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/orders").header("Origin", APP));
        filter(exchange, (handled) -> handled.getResponse().getHeaders().set("Vary", "Accept-Encoding"));
        assertThat(exchange.getResponse().getHeaders().get("Vary")).containsExactly("Origin", "Accept-Encoding");
        assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly(APP);
    }

    @Test
    void aVaryOfSeveralTokensIsMergedOneTokenALineNoneTwice() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/orders").header("Origin", APP));
        filter(exchange, (handled) -> handled.getResponse().getHeaders().add("Vary", "origin, Accept-Encoding"));
        assertThat(exchange.getResponse().getHeaders().get("Vary")).containsExactly("Origin", "Accept-Encoding");
    }

    @Test
    void anErrorHandlerThatClearsTheHeadersGetsTheDecisionsHeadersBack() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/orders").header("Origin", APP));
        filter(exchange, (handled) -> {
            handled.getResponse().getHeaders().clear();
            handled.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
        });
        assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(exchange.getResponse().getHeaders().get("Vary")).containsExactly("Origin");
    }

    @Test
    void anErrorHandlerOutsideTheChainThatClearsTheHeadersGetsTheDecisionsHeadersBack() {
        MockServerHttpResponse response = new MockServerHttpResponse();
        serverWithErrorPage(new AtomicReference<>())
            .handle(MockServerHttpRequest.get("/api/orders").header("Origin", APP).build(), response)
            .block();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getHeaders().get("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(response.getHeaders().get("Vary")).containsExactly("Origin");
    }

    @Test
    void passesEveryErrorOnAsItIsAndLeavesTheErrorResponseOfAPathNoPolicyCoversAlone() {
        AtomicReference<Throwable> handled = new AtomicReference<>();
        MockServerHttpResponse response = new MockServerHttpResponse();
        serverWithErrorPage(handled)
            .handle(MockServerHttpRequest.get("/elsewhere").header("Origin", APP).build(), response)
            .block();
        assertThat(handled.get()).isSameAs(FAILURE);
        assertThat(response.getHeaders().get("Vary")).isNull();
        assertThat(response.getHeaders().get("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aCoveredRequestThatSucceedsHasNoHeadersWrittenAgainAtTheCommit() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/orders").header("Origin", APP));
        this.filter.filter(exchange, (filtered) -> Mono.empty()).block();
        exchange.getResponse().getHeaders().clear();
        exchange.getResponse().setComplete().block();
        assertThat(exchange.getResponse().getHeaders().toSingleValueMap()).isEmpty();
    }

    @Test
    void aCoveredRequestsCompletionPassesCancellationAndTheSubscribersContextToTheChain() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/orders").header("Origin", APP));
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        WebFilterChain pending = (filtered) -> Mono.deferContextual((context) -> {
            seen.set(context.get("trace"));
            return Mono.<Void>never().doOnCancel(() -> cancelled.set(true));
        });
        this.filter.filter(exchange, pending).contextWrite(Context.of("trace", "t-1")).subscribe().dispose();
        assertThat(seen.get()).isEqualTo("t-1");
        assertThat(cancelled).isTrue();
    }

    // A server whose handler fails and whose error page, outside the chain as Spring Boot's is, clears the headers.
    private HttpHandler serverWithErrorPage(AtomicReference<Throwable> handled) {
        WebExceptionHandler clearing = (exchange, ex) -> {
            handled.set(ex);
            exchange.getResponse().getHeaders().clear();
            exchange.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
            return exchange.getResponse().setComplete();
        };
        return WebHttpHandlerBuilder.webHandler((exchange) -> Mono.error(FAILURE))
            .filter(this.filter)
            .exceptionHandler(clearing)
            .build();
    }

    @Test
    void aHandlerThatReplacesVaryAndLeavesTheResponseToTheServerKeepsOrigin() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/orders").header("Origin", APP));
        WebFilterChain notWriting = (filtered) -> {
            filtered.getResponse().getHeaders().set("Vary", "Accept-Encoding");
            return Mono.empty();
        };
        this.filter.filter(exchange, notWriting).block();
        exchange.getResponse().setComplete().block();
        assertThat(exchange.getResponse().getHeaders().get("Vary")).containsExactly("Origin", "Accept-Encoding");
    }

    @Test
    void theHandlerKeepsTheServersZeroCopyFileTransfer() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/orders").header("Origin", APP));
        ServerHttpResponse zeroCopy = new ZeroCopyResponse(exchange.getResponse());
        ServerWebExchange served = exchange.mutate().response(zeroCopy).build();
        AtomicReference<ServerHttpResponse> seen = new AtomicReference<>();
        this.filter.filter(served, (filtered) -> {
            seen.set(filtered.getResponse());
            filtered.getResponse().getHeaders().set("Vary", "Accept-Encoding");
            return ((ZeroCopyHttpOutputMessage) filtered.getResponse()).writeWith(Path.of("orders.json"), 0, 10);
        }).block();
        assertThat(seen.get()).isInstanceOf(ZeroCopyHttpOutputMessage.class);
        assertThat(exchange.getResponse().getHeaders().get("Vary")).containsExactly("Origin", "Accept-Encoding");
        assertThat(exchange.getResponse().getHeaders().get("X-Zero-Copy")).containsExactly("orders.json");
    }

    @Test
    void aRejectionIsAnsweredWithItsReasonInAHeaderAndNothingFromTheRequest() {
        MockServerWebExchange exchange = exchange(
                MockServerHttpRequest.get("/api/orders").header("Origin", "https://evil.example"));
        filter(exchange, (handled) -> { });
        assertThat(this.chainCalled).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        assertThat(headers.get("CORS-Rejection-Reason")).containsExactly("ORIGIN_NOT_ALLOWED");
        List<String> names = new ArrayList<>();
        headers.forEach((name, lines) -> names.add(name));
        assertThat(names).containsExactlyInAnyOrder("Vary", "CORS-Rejection-Reason");
        assertThat(exchange.getResponse().getBodyAsString().block()).isEmpty();
    }

    @Test
    void anAllowedPreflightIsAnsweredWithoutABody() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.options("/api/orders")
            .header("Origin", APP)
            .header("Access-Control-Request-Method", "PUT"));
        filter(exchange, (handled) -> { });
        assertThat(this.chainCalled).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange.getResponse().getHeaders().get("Access-Control-Allow-Methods"))
            .containsExactly("GET, PUT, HEAD");
        assertThat(exchange.getResponse().getBodyAsString().block()).isEmpty();
    }

    @Test
    void thePolicyIsChosenByThePathWithinTheApplication() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/shop/api/orders")
            .contextPath("/shop")
            .header("Origin", "https://evil.example"));
        filter(exchange, (handled) -> { });
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aPathNoPolicyCoversIsLeftAlone() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/elsewhere").header("Origin", APP));
        filter(exchange, (handled) -> { });
        assertThat(this.chainCalled).isTrue();
        assertThat(exchange.getResponse().getHeaders().toSingleValueMap()).isEmpty();
    }

    @Test
    void anExchangeServedByAChildContextThatInheritsTheFilterIsLeftAlone() {
        StaticApplicationContext parent = new StaticApplicationContext();
        StaticApplicationContext child = new StaticApplicationContext(parent);
        this.filter.setApplicationContext(parent);
        MockServerWebExchange exchange = MockServerWebExchange
            .builder(MockServerHttpRequest.get("/api/orders").header("Origin", "https://evil.example"))
            .applicationContext(child)
            .build();
        filter(exchange, (handled) -> { });
        assertThat(this.chainCalled).isTrue();
        assertThat(exchange.getResponse().getStatusCode()).isNull();
        assertThat(exchange.getResponse().getHeaders().toSingleValueMap()).isEmpty();
    }

    @Test
    void anExchangeServedByTheFiltersOwnContextIsDecided() {
        StaticApplicationContext context = new StaticApplicationContext();
        this.filter.setApplicationContext(context);
        MockServerWebExchange exchange = MockServerWebExchange
            .builder(MockServerHttpRequest.get("/api/orders").header("Origin", "https://evil.example"))
            .applicationContext(context)
            .build();
        filter(exchange, (handled) -> { });
        assertThat(this.chainCalled).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFilterOutsideAnyContextDecidesExchangesServedByAContext() {
        MockServerWebExchange exchange = MockServerWebExchange
            .builder(MockServerHttpRequest.get("/api/orders").header("Origin", "https://evil.example"))
            .applicationContext(new StaticApplicationContext())
            .build();
        filter(exchange, (handled) -> { });
        assertThat(this.chainCalled).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void filter(ServerWebExchange exchange, Consumer<ServerWebExchange> handler) {
        WebFilterChain chain = (filtered) -> {
            this.chainCalled.set(true);
            handler.accept(filtered);
            return filtered.getResponse().setComplete();
        };
        this.filter.filter(exchange, chain).block();
        exchange.getResponse().setComplete().block();
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }

    private static CorsDecider processor() {
        MockEnvironment environment = new MockEnvironment()
            .withProperty("cors.policies.api.paths", "/api/**")
            .withProperty("cors.policies.api.allowed-origins", APP)
            .withProperty("cors.policies.api.allowed-methods", "GET,PUT")
            .withProperty("cors.policies.api.allow-credentials", "true");
        return new CorsDecider(new PolicySnapshotHolder(new CorsConfigurationLoader().load(environment)), List.of());
    }

    /** A server response that transfers files without copying them, as Reactor Netty's does. */
    private static final class ZeroCopyResponse extends ServerHttpResponseDecorator implements ZeroCopyHttpOutputMessage {

        ZeroCopyResponse(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Path file, long position, long count) {
            getHeaders().set("X-Zero-Copy", file.toString());
            return setComplete();
        }
    }
}
