package io.corsboot.core;

/**
 * Where {@link HeaderWriter} writes the response headers of a decision: each web stack's response, and a record of
 * them for the endpoint.
 *
 * @since 0.1.0
 */
public interface ResponseHeaders {

    /** Writes a CORS response header, replacing any value it had. */
    void write(String name, String value);

    /** Adds one token to {@code Vary}, unless some {@code Vary} line already lists it. */
    void addVary(String token);
}
