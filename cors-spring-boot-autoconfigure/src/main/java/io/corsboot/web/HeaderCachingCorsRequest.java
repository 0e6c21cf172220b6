package io.corsboot.web;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsHeaders;
import io.corsboot.core.CorsRequest;

/**
 * A {@link CorsRequest} that reads each CORS request header from the underlying request once. The core reads
 * {@code Origin} and {@code Access-Control-Request-Method} up to three times per decision (kind, decision, headers)
 * and {@code Access-Control-Request-Headers} twice, a candidate decides the request again, and each read searches
 * the request's headers and allocates on both stacks; kept here, a preflight looks each header up once.
 *
 * @since 0.1.0
 */
public abstract class HeaderCachingCorsRequest implements CorsRequest {

    // Marks a header not read yet; compared by identity.
    private static final String UNREAD = new String("unread");

    private @Nullable String origin = UNREAD;

    private @Nullable String requestMethod = UNREAD;

    private @Nullable String requestHeaders = UNREAD;

    @Override
    public final @Nullable String header(String name) {
        switch (name) {
            case CorsHeaders.ORIGIN:
                if (this.origin == UNREAD) {
                    this.origin = readHeader(name);
                }
                return this.origin;
            case CorsHeaders.REQUEST_METHOD:
                if (this.requestMethod == UNREAD) {
                    this.requestMethod = readHeader(name);
                }
                return this.requestMethod;
            case CorsHeaders.REQUEST_HEADERS:
                if (this.requestHeaders == UNREAD) {
                    this.requestHeaders = readHeader(name);
                }
                return this.requestHeaders;
            default:
                return readHeader(name);
        }
    }

    /**
     * Reads a header from the underlying request, several lines joined with {@code ", "} as
     * {@link CorsRequest#header} requires.
     */
    protected abstract @Nullable String readHeader(String name);
}
