package io.corsboot.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;

import io.corsboot.web.CorsAttributes;

/**
 * A Spring {@link CorsProcessor} that leaves a request a CORS policy covers untouched and hands every other request
 * to the processor it decorates. On a covered path the policy has already decided: it answered what it refuses and
 * wrote the headers of what it allows, and it passes cross-site navigations ({@code Sec-Fetch-Mode: navigate}) on
 * without CORS headers, which Spring's {@link org.springframework.web.cors.DefaultCorsProcessor} would refuse or
 * answer.
 *
 * @since 0.1.0
 */
public final class DeferringServletCorsProcessor implements CorsProcessor {

    private final CorsProcessor delegate;

    /** A processor that does what {@code delegate} does on every request that no policy covers. */
    public DeferringServletCorsProcessor(CorsProcessor delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean processRequest(@Nullable CorsConfiguration configuration, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (request.getAttribute(CorsAttributes.DECISION) != null) {
            return true;
        }
        return this.delegate.processRequest(configuration, request, response);
    }
}
