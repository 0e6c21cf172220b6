package io.corsboot.core;

import org.jspecify.annotations.Nullable;

/**
 * What the core needs to know about a request; each web stack implements it over its own request type.
 *
 * @since 0.1.0
 */
public interface CorsRequest {

    /** The request method, as sent. */
    String method();

    /**
     * The value of a request header, or null when absent. A header sent on several lines is joined with
     * {@code ", "} (RFC 9110, section 5.3), which makes a repeated {@code Origin} malformed, hence rejected.
     */
    @Nullable String header(String name);

    /** The scheme the request arrived on, after any trusted forwarded headers were applied. */
    String scheme();

    /** The host the request arrived on, after any trusted forwarded headers were applied. */
    String host();

    /** The port the request arrived on, after any trusted forwarded headers were applied. */
    int port();
}
