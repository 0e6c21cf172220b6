package io.corsboot.actuate;

/**
 * The scheme, host and port that a {@code check} request itself arrived on, after any trusted forwarded headers:
 * an {@code origin} equal to it is a same-origin request.
 *
 * @param scheme the scheme
 * @param host the host name or address
 * @param port the port, or a value below 1 for the scheme's default
 * @since 0.1.0
 */
public record ArrivalOrigin(String scheme, String host, int port) {
}
