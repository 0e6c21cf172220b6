package io.corsboot.reactive;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.corsboot.core.Decision;
import io.corsboot.web.CorsAttributes;
import io.corsboot.web.CorsDecider;

/**
 * {@link WebFilter} that applies the CORS policies: it answers preflights and rejections itself, and lets every
 * other request through with the headers its policy calls for, which survive a later {@code Vary} from the
 * application and error responses. As a bean it decides only for exchanges served by its own application context,
 * never for those of a child context that inherits it, such as Spring Boot's management context on a separate port.
 *
 * @since 0.1.0
 */
public class CorsReactiveWebFilter implements WebFilter, Ordered, ApplicationContextAware {

    /**
     * Just before Spring Security's {@code WebFilterChainProxy}, which runs at -100
     * ({@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER}), so that preflights never meet
     * authentication.
     */
    public static final int DEFAULT_ORDER = -101;

    private final CorsDecider decider;

    private @Nullable ApplicationContext applicationContext;

    private int order = DEFAULT_ORDER;

    public CorsReactiveWebFilter(CorsDecider decider) {
        this.decider = decider;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // WebHttpHandlerBuilder.applicationContext(child) collects the parent context's WebFilter beans too, which
        // puts this filter on Spring Boot's management port. An exchange or a filter without a context is decided.
        // Ordered so that the usual case costs one comparison.
        ApplicationContext servedBy = exchange.getApplicationContext();
        if (servedBy != this.applicationContext && servedBy != null && this.applicationContext != null) {
            return chain.filter(exchange);
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        ReactiveCorsRequest request = this.decider.decide(path.value(), path, exchange.getRequest(),
                ReactiveCorsRequest::new);
        if (request == null) {
            return chain.filter(exchange);
        }
        Decision decision = request.decision();
        exchange.getAttributes().put(CorsAttributes.DECISION, decision);
        ServerHttpResponse response = exchange.getResponse();
        if (!decision.answersWithoutHandler()) {
            // Error handlers write to the server's response, beneath the decorator: when one is about to, the
            // decision's headers are set to be written again as its response commits. A request that fails pays for
            // that commit action; the error operator here is all that a request that succeeds pays, and only a
            // covered one, where a WebExceptionHandler bean would cost every request.
            ReactiveCorsResponse covered = ReactiveCorsResponse.of(response, decision, request);
            return chain.filter(new CoveredExchange(exchange, covered)).doOnError((ex) -> covered.rewriteOnCommit());
        }
        ReactiveCorsResponse.answer(response, decision, request);
        return response.setComplete();
    }

    /** Sets the context this filter belongs to; exchanges served by any other context pass through untouched. */
    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public int getOrder() {
        return this.order;
    }

    /** Sets the order of this filter among the application's web filters; {@link #DEFAULT_ORDER} unless set. */
    public void setOrder(int order) {
        this.order = order;
    }

    /**
     * The class name, one string for every call: Spring Framework 7's filter chain names the filter it runs with
     * {@code toString()} on every request (a Reactor checkpoint), and {@code Object}'s builds a new string each time.
     */
    @Override
    public String toString() {
        return getClass().getName();
    }

    /**
     * The exchange the rest of the chain sees: the same but for its response. One object, where
     * {@code exchange.mutate()} builds a builder and a decorator on every request.
     */
    private static final class CoveredExchange extends ServerWebExchangeDecorator {

        private final ServerHttpResponse response;

        CoveredExchange(ServerWebExchange exchange, ServerHttpResponse response) {
            super(exchange);
            this.response = response;
        }

        @Override
        public ServerHttpResponse getResponse() {
            return this.response;
        }
    }
}
