package io.corsboot.core;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one request, a plain value: it carries no request data, so each policy holds one instance per kind
 * and reason and deciding allocates nothing. {@link CompiledPolicy#decide} makes it, and {@link HeaderWriter} writes
 * the headers it calls for.
 *
 * @param policy the policy that decided, or null when no policy covers the path
 * @param kind whether the request is a preflight
 * @param reason why the request is, or would be, allowed or rejected
 * @since 0.1.0
 */
public record Decision(@Nullable CompiledPolicy policy, Kind kind, Reason reason) {

    /** The two shapes of request that CORS distinguishes. */
    public enum Kind {

        /** {@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}. */
        PREFLIGHT,

        /** Any other request. */
        ACTUAL;

        /** The kind of a request: a plain {@code OPTIONS} is an actual request. */
        public static Kind of(CorsRequest request) {
            return ("OPTIONS".equals(request.method()) && request.header(CorsHeaders.ORIGIN) != null
                    && request.header(CorsHeaders.REQUEST_METHOD) != null) ? PREFLIGHT : ACTUAL;
        }

        /**
         * The method a request of this kind asks for: a preflight's {@code Access-Control-Request-Method}, or the
         * actual request's own method.
         */
        public @Nullable String requestedMethod(CorsRequest request) {
            return (this == PREFLIGHT) ? request.header(CorsHeaders.REQUEST_METHOD) : request.method();
        }
    }

    /**
     * The decision for every request whose path no policy covers, as {@code PolicySnapshot.decide} gives it without
     * reading the request: the kind is {@link Kind#ACTUAL} whatever the request. {@link #withoutPolicy} gives the
     * kind and the reason; the filters pass such a request on without deciding at all.
     */
    public static final Decision UNCOVERED = new Decision(null, Kind.ACTUAL, Reason.NO_POLICY);

    /**
     * The decision for a request whose path no policy covers, with the reason a policy would find before reading
     * its settings: {@link Reason#NOT_CORS}, {@link Reason#SAME_ORIGIN}, else {@link Reason#NO_POLICY}. The filters
     * have no need of that reason; this may allocate.
     */
    public static Decision withoutPolicy(CorsRequest request) {
        Reason reason = beforePolicy(request.header(CorsHeaders.ORIGIN), request);
        return new Decision(null, Kind.of(request), (reason != null) ? reason : Reason.NO_POLICY);
    }

    /**
     * What a request is before any policy looks at it: {@link Reason#NOT_CORS} without an {@code Origin} or for a
     * navigation, {@link Reason#SAME_ORIGIN} when the {@code Origin} names where the request arrived, or null for a
     * cross-origin request, which a policy decides.
     */
    static @Nullable Reason beforePolicy(@Nullable String origin, CorsRequest request) {
        // A cross-site form post or link is a navigation, not a CORS request (Fetch, "Sec-Fetch-Mode").
        if (origin == null || "navigate".equalsIgnoreCase(request.header(CorsHeaders.SEC_FETCH_MODE))) {
            return Reason.NOT_CORS;
        }
        return RequestOrigin.isSameOrigin(origin, request) ? Reason.SAME_ORIGIN : null;
    }

    /** Whether the request is allowed as a cross-origin request. */
    public boolean allowed() {
        return this.reason == Reason.ALLOWED;
    }

    /**
     * Whether the decision of the policy's candidate on the same request has the other verdict: one allows what the
     * other rejects. A missing candidate never disagrees.
     */
    public boolean disagreesWith(@Nullable Decision candidate) {
        return candidate != null && candidate.allowed() != allowed();
    }

    /** Whether a policy decided this request as a cross-origin one (allowed or rejected). */
    public boolean isCrossOriginVerdict() {
        return this.policy != null && this.reason.isCrossOriginVerdict();
    }

    /**
     * Whether the filter answers the request itself, without the rest of the chain: every rejection, and every
     * allowed preflight. Everything else goes on to the application.
     */
    public boolean answersWithoutHandler() {
        return isCrossOriginVerdict() && (this.kind == Kind.PREFLIGHT || this.reason != Reason.ALLOWED);
    }

    /** The status of an answer the filter gives itself: 200 for an allowed preflight, 403 for a rejection. */
    public int status() {
        return allowed() ? 200 : 403;
    }
}
