package io.corsboot.reactive;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.corsboot.core.Decision;
import io.corsboot.web.CorsAttributes;

/**
 * Keeps the CORS headers of a covered request on its error response. Spring's {@link WebExceptionHandler}s, Spring
 * Boot's error page among them, write to the exchange the server created, beneath the response that
 * {@link CorsReactiveWebFilter} hands the rest of the chain. This one runs first, handles nothing, and has the
 * decision's headers written again when the response commits, whatever the others write: a request that fails
 * pays for that, a request that succeeds does not.
 *
 * @since 0.1.0
 */
public final class CorsWebExceptionHandler implements WebExceptionHandler, Ordered {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (exchange.getAttribute(CorsAttributes.DECISION) instanceof Decision decision
                && !decision.answersWithoutHandler() && !response.isCommitted()) {
            CorsReactiveResponse.rewriteOnCommit(response, decision, new ReactiveCorsRequest(exchange.getRequest()));
        }
        return Mono.error(ex);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
