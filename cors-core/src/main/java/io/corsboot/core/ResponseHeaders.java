package io.corsboot.core;

/**
 * Where {@link HeaderWriter} writes the response headers of a decision; each web stack implements it over its own
 * response.
 *
 * @since 0.1.0
 */
public interface ResponseHeaders {

    /** Sets a CORS response header, replacing any value it had. */
    void set(String name, String value);

    /** Adds one token to {@code Vary}, unless some {@code Vary} line already lists it. */
    void addVary(String token);
}
