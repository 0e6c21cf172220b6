package io.corsboot.core;

/**
 * Why a request was, or would be, allowed or rejected. The names are part of the endpoint contract.
 *
 * @since 0.1.0
 */
public enum Reason {

    /** No {@code Origin}, or a navigation: not a CORS request. */
    NOT_CORS,

    /** The {@code Origin} is the request's own origin. */
    SAME_ORIGIN,

    /** No policy covers the request's path. */
    NO_POLICY,

    /** The policy does not allow the origin, or the {@code Origin} header is malformed. */
    ORIGIN_NOT_ALLOWED,

    /** The policy does not allow the method. */
    METHOD_NOT_ALLOWED,

    /** The preflight asks for a request header that the policy does not allow. */
    HEADERS_NOT_ALLOWED,

    /** A cross-origin request that the policy allows. */
    ALLOWED;

    /** Whether this reason ends a request that a policy decided as a cross-origin one. */
    public boolean isCrossOriginVerdict() {
        return this == ALLOWED || this == ORIGIN_NOT_ALLOWED || this == METHOD_NOT_ALLOWED
                || this == HEADERS_NOT_ALLOWED;
    }
}
