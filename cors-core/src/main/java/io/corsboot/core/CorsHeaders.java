package io.corsboot.core;

/**
 * The names of the CORS request and response headers, spelled once for the core and every adapter.
 *
 * @since 0.1.0
 */
public final class CorsHeaders {

    /** The {@code Origin} request header. */
    public static final String ORIGIN = "Origin";

    /** The {@code Access-Control-Request-Method} request header of a preflight. */
    public static final String REQUEST_METHOD = "Access-Control-Request-Method";

    /** The {@code Access-Control-Request-Headers} request header of a preflight. */
    public static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

    /** The {@code Access-Control-Request-Private-Network} request header of a Private Network Access preflight. */
    public static final String REQUEST_PRIVATE_NETWORK = "Access-Control-Request-Private-Network";

    /** The {@code Sec-Fetch-Mode} request header, {@code navigate} for a navigation. */
    public static final String SEC_FETCH_MODE = "Sec-Fetch-Mode";

    /** The {@code Access-Control-Allow-Origin} response header. */
    public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    /** The {@code Access-Control-Allow-Credentials} response header. */
    public static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";

    /** The {@code Access-Control-Allow-Methods} response header of a preflight. */
    public static final String ALLOW_METHODS = "Access-Control-Allow-Methods";

    /** The {@code Access-Control-Allow-Headers} response header of a preflight. */
    public static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";

    /** The {@code Access-Control-Max-Age} response header of a preflight. */
    public static final String MAX_AGE = "Access-Control-Max-Age";

    /** The {@code Access-Control-Allow-Private-Network} response header of a Private Network Access preflight. */
    public static final String ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";

    /** The {@code Access-Control-Expose-Headers} response header of an actual request. */
    public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

    /**
     * The starter's own response header on a rejection, naming its {@link Reason}: where a developer sees it, in the
     * browser's developer tools beside the blocked request, or with {@code curl -i}.
     */
    public static final String REJECTION_REASON = "CORS-Rejection-Reason";

    private CorsHeaders() {
    }
}
