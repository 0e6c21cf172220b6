package io.corsboot.reactive;

import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.server.ServerWebExchange;

import io.corsboot.web.CorsAttributes;

/**
 * A Spring {@link CorsProcessor} that leaves an exchange a CORS policy covers untouched and hands every other
 * exchange to the processor it decorates. On a covered path the policy has already decided: it answered what it
 * refuses and wrote the headers of what it allows, and it passes cross-site navigations
 * ({@code Sec-Fetch-Mode: navigate}) on without CORS headers, which Spring's
 * {@link org.springframework.web.cors.reactive.DefaultCorsProcessor} would refuse or answer.
 *
 * @since 0.1.0
 */
public final class DeferringReactiveCorsProcessor implements CorsProcessor {

    private final CorsProcessor delegate;

    /** A processor that does what {@code delegate} does on every request that no policy covers. */
    public DeferringReactiveCorsProcessor(CorsProcessor delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean process(@Nullable CorsConfiguration configuration, ServerWebExchange exchange) {
        if (exchange.getAttribute(CorsAttributes.DECISION) != null) {
            return true;
        }
        return this.delegate.process(configuration, exchange);
    }
}
