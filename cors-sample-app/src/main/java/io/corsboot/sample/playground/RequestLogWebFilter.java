package io.corsboot.sample.playground;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/** Records the playground's probes in the {@link RequestLog} on WebFlux, ahead of every other filter. */
final class RequestLogWebFilter implements WebFilter, Ordered {

    private final RequestLog log;

    RequestLogWebFilter(RequestLog log) {
        this.log = log;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        this.log.record(request.getMethod().name(), request.getPath().value(), request.getURI().getRawQuery(),
                request.getHeaders()::getFirst);
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
