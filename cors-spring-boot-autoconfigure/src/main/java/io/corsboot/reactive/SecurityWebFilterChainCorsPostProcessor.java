package io.corsboot.reactive;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.corsboot.web.CorsAttributes;

/**
 * {@link BeanPostProcessor} that decorates every Spring Security {@link SecurityWebFilterChain} bean so that its
 * {@link CorsWebFilter}, which {@code http.cors(...)} adds, leaves the exchanges a policy covers to the policy.
 * {@code CorsWebFilter} takes its processor in its constructor only, so the filter is skipped on those exchanges
 * rather than given a {@link DeferringReactiveCorsProcessor}.
 *
 * @since 0.1.0
 */
public final class SecurityWebFilterChainCorsPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SecurityWebFilterChain chain) {
            return new DeferringSecurityWebFilterChain(chain);
        }
        return bean;
    }

    /** A security filter chain whose CORS filters skip the exchanges a policy covers. */
    private static final class DeferringSecurityWebFilterChain implements SecurityWebFilterChain {

        private final SecurityWebFilterChain chain;

        DeferringSecurityWebFilterChain(SecurityWebFilterChain chain) {
            this.chain = chain;
        }

        @Override
        public Mono<Boolean> matches(ServerWebExchange exchange) {
            return this.chain.matches(exchange);
        }

        @Override
        public Flux<WebFilter> getWebFilters() {
            // Mapped on every call rather than cached: a chain may compute its filters per exchange.
            return this.chain.getWebFilters()
                .map((filter) -> (filter instanceof CorsWebFilter cors) ? new DeferringCorsWebFilter(cors) : filter);
        }
    }

    /** A {@link CorsWebFilter} that only runs on exchanges no policy covers. */
    private static final class DeferringCorsWebFilter implements WebFilter {

        private final CorsWebFilter filter;

        DeferringCorsWebFilter(CorsWebFilter filter) {
            this.filter = filter;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            if (exchange.getAttribute(CorsAttributes.DECISION) != null) {
                return chain.filter(exchange);
            }
            return this.filter.filter(exchange, chain);
        }
    }
}
