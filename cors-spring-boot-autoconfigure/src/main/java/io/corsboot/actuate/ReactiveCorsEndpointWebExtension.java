package io.corsboot.actuate;

import java.net.URI;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.corsboot.actuate.CorsEndpoint.CheckParameters;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} of the {@link CorsEndpoint} for WebFlux applications: its
 * {@code check} knows the origin its request arrived on, and answers bad parameters with a 400 that says what is
 * wrong.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = CorsEndpoint.class)
public class ReactiveCorsEndpointWebExtension {

    private final CorsEndpoint endpoint;

    public ReactiveCorsEndpointWebExtension(CorsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Served at {@code /actuator/cors/check}, as {@link CorsEndpoint#check}, and at {@code /actuator/cors/migration},
     * which answers {@link CorsEndpoint#migration}; any other selector value answers 404.
     * @param operation {@code check} or {@code migration}
     * @param path the request's path within the application
     * @param origin the {@code Origin}, or null for a request that is not cross-origin
     * @param method the method, {@code GET} when null
     * @param headers comma-separated names of the request headers a script sets
     * @param contentType the request's {@code Content-Type}
     * @param privateNetwork {@code true} when the browser asks for private network access
     * @param host the host the request is sent to, without its port; the one the check request arrived on when null
     * @return how the request would be handled, or the migration report
     */
    // Boot's endpoint infrastructure passes an operation its query parameters and nothing of the request, and runs
    // a blocking operation on another thread than the request's. This one is reactive: it runs within the request's
    // subscription, whose context carries the origin that ArrivalOriginWebFilter put there.
    // Optional parameters carry Spring's @Nullable, the mark Spring Boot 3.5's Actuator reads, beside JSpecify's,
    // which Spring Boot 4 reads
    @SuppressWarnings("deprecation")
    @ReadOperation
    public Mono<WebEndpointResponse<OperationResponseBody>> check(@Selector String operation,
            @org.springframework.lang.Nullable @Nullable String path,
            @org.springframework.lang.Nullable @Nullable String origin,
            @org.springframework.lang.Nullable @Nullable String method,
            @org.springframework.lang.Nullable @Nullable String headers,
            @org.springframework.lang.Nullable @Nullable String contentType,
            @org.springframework.lang.Nullable @Nullable String privateNetwork,
            @org.springframework.lang.Nullable @Nullable String host) {
        CheckParameters parameters = new CheckParameters(path, origin, method, headers, contentType, privateNetwork,
                host);
        return Mono.deferContextual((context) -> Mono.just(CheckResponses.evaluate(this.endpoint, operation,
                parameters, context.getOrDefault(ArrivalOrigin.class, null))));
    }

    /**
     * Puts the origin that a request to the {@code cors} endpoint arrived on into the Reactor context, after any
     * trusted forwarded headers were applied. Other requests pass untouched.
     */
    public static class ArrivalOriginWebFilter implements WebFilter {

        private final Supplier<@Nullable String> endpointPath;

        /**
         * Creates the filter.
         * @param endpointPath the path of the {@code cors} endpoint within the application, such as
         * {@code /actuator/cors}, or null when it is not exposed
         */
        public ArrivalOriginWebFilter(Supplier<@Nullable String> endpointPath) {
            this.endpointPath = endpointPath;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String endpointPath = this.endpointPath.get();
            if (endpointPath == null
                    || !exchange.getRequest().getPath().pathWithinApplication().value().startsWith(endpointPath)) {
                return chain.filter(exchange);
            }
            URI uri = exchange.getRequest().getURI();
            String scheme = (uri.getScheme() != null) ? uri.getScheme() : "http";
            String host = (uri.getHost() != null) ? uri.getHost() : "";
            ArrivalOrigin arrival = new ArrivalOrigin(scheme, host, uri.getPort());
            return chain.filter(exchange).contextWrite(Context.of(ArrivalOrigin.class, arrival));
        }
    }
}
