package io.corsboot.core;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.Decision.Kind;

/**
 * One policy, validated and compiled at startup: immutable, shared by every request, and safe to use from any
 * thread. {@link #decide} reads a request and allocates nothing.
 *
 * @since 0.1.0
 */
public final class CompiledPolicy {

    /** Longer {@code Access-Control-Request-Headers} values are rejected: browsers send a few dozen names. */
    static final int MAX_REQUEST_HEADERS_LENGTH = 4096;

    // At most 2 characters of whitespace around an element and 16 empty elements: tolerant of proxies, bounded
    // against crafted preflights.
    private static final int MAX_WHITESPACE = 2;

    private static final int MAX_EMPTY_ELEMENTS = 16;

    // Enum values() copies its array on every call; the decision lookup reads this count instead.
    private static final int REASONS = Reason.values().length;

    private final CorsPolicySpec spec;

    private final OriginMatcher origins;

    private final @Nullable List<String> methods;

    private final @Nullable Set<String> methodSet;

    private final @Nullable String allowMethods;

    private final String @Nullable [] headers;

    private final @Nullable String allowHeaders;

    private final @Nullable String exposeHeaders;

    private final boolean credentials;

    private final boolean privateNetwork;

    private final boolean cacheable;

    private final String maxAge;

    private final @Nullable CompiledPolicy candidate;

    private final int suppliedOrigins;

    private final long suppliedDigest;

    private final Decision[] decisions;

    CompiledPolicy(CorsPolicySpec spec, OriginMatcher origins, @Nullable List<String> methods,
            String @Nullable [] headers, @Nullable String allowHeaders, @Nullable String exposeHeaders,
            @Nullable CompiledPolicy candidate, List<SuppliedOrigins> supplied) {
        this.spec = spec;
        this.origins = origins;
        this.methods = methods;
        this.methodSet = (methods != null) ? Set.copyOf(methods) : null;
        this.allowMethods = (methods != null) ? String.join(", ", methods) : null;
        this.headers = headers;
        this.allowHeaders = allowHeaders;
        this.exposeHeaders = exposeHeaders;
        this.credentials = spec.allowCredentials().value();
        this.privateNetwork = spec.allowPrivateNetwork().value();
        this.cacheable = origins.allowsAnyOrigin() && !this.credentials && !this.privateNetwork && allowsMethod("GET");
        this.maxAge = Long.toString(spec.maxAge().value().toSeconds());
        this.candidate = candidate;
        SuppliedOrigins.Union union = SuppliedOrigins.union(supplied);
        this.suppliedOrigins = union.size();
        this.suppliedDigest = union.digest();
        this.decisions = new Decision[Kind.values().length * REASONS];
        for (Kind kind : Kind.values()) {
            for (Reason reason : Reason.values()) {
                this.decisions[kind.ordinal() * REASONS + reason.ordinal()] = new Decision(this, kind, reason);
            }
        }
    }

    /** The policy's name. */
    public String name() {
        return this.spec.name();
    }

    /** The effective settings: defaults applied, origins normalised, methods in upper case. */
    public CorsPolicySpec spec() {
        return this.spec;
    }

    /** The candidate evaluated beside this policy, or null. */
    public @Nullable CompiledPolicy candidate() {
        return this.candidate;
    }

    /** How many distinct origins and patterns the application supplied: one that two suppliers give counts once. */
    public int suppliedOrigins() {
        return this.suppliedOrigins;
    }

    /** A digest of the distinct supplied origins and patterns: equal for equal sets, whichever suppliers give them. */
    public long suppliedDigest() {
        return this.suppliedDigest;
    }

    /** Whether the policy allows this {@code Origin} header value. */
    public boolean allowsOrigin(String origin) {
        return this.origins.allows(origin);
    }

    /**
     * The methods the policy allows, as configured with {@code HEAD} added wherever {@code GET} is, or null when it
     * allows every method.
     */
    public @Nullable List<String> allowedMethods() {
        return this.methods;
    }

    /** Whether the policy allows this method, given as an actual request's method or a preflight's request. */
    private boolean allowsMethod(String method) {
        return (this.methodSet != null) ? this.methodSet.contains(method) : Tokens.isToken(method);
    }

    /**
     * Whether the policy is public: it allows every origin, without credentials or private network access, and
     * {@code GET}. Its {@code GET} and {@code HEAD} answers are then the same whatever the {@code Origin}, so that a
     * shared cache keeps one copy (Fetch, "CORS protocol and HTTP caches").
     */
    public boolean cacheable() {
        return this.cacheable;
    }

    /**
     * Whether the answer to this request is the public one, the same for every {@code Origin}: a {@code GET} or
     * {@code HEAD} of a {@link #cacheable() cacheable} policy.
     * @param kind the kind the request was decided as
     * @param request the request
     * @return whether the request gets the public answer
     */
    public boolean answersAlike(Kind kind, CorsRequest request) {
        return this.cacheable && kind == Kind.ACTUAL && isGetOrHead(request.method());
    }

    private static boolean isGetOrHead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** Decides a request that this policy covers. */
    public Decision decide(CorsRequest request) {
        Kind kind = Kind.of(request);
        boolean preflight = kind == Kind.PREFLIGHT;
        String origin = request.header(CorsHeaders.ORIGIN);
        Reason beforePolicy = Decision.beforePolicy(origin, request);
        if (beforePolicy != null) {
            return decision(kind, beforePolicy);
        }
        if (answersAlike(kind, request)) {
            // Any Origin, malformed ones included, gets the one public answer, which echoes nothing.
            return decision(kind, Reason.ALLOWED);
        }
        if (!this.origins.allows(origin)) {
            return decision(kind, Reason.ORIGIN_NOT_ALLOWED);
        }
        String method = kind.requestedMethod(request);
        if (method == null || !allowsMethod(method)) {
            return decision(kind, Reason.METHOD_NOT_ALLOWED);
        }
        if (preflight) {
            String requestHeaders = request.header(CorsHeaders.REQUEST_HEADERS);
            if (requestHeaders != null && !allowsHeaders(requestHeaders)) {
                return decision(kind, Reason.HEADERS_NOT_ALLOWED);
            }
        }
        return decision(kind, Reason.ALLOWED);
    }

    /** The preallocated decision of this policy for a kind and a reason. */
    public Decision decision(Kind kind, Reason reason) {
        return this.decisions[kind.ordinal() * REASONS + reason.ordinal()];
    }

    /**
     * The decision of this policy's candidate on the same request, or null when the policy has no candidate.
     * Allocates nothing.
     */
    public @Nullable Decision decideCandidate(CorsRequest request) {
        return (this.candidate != null) ? this.candidate.decide(request) : null;
    }

    /** Whether the {@code Access-Control-Allow-Origin} of an allowed request is {@code *} rather than its origin. */
    boolean answersAnyOrigin() {
        return this.origins.allowsAnyOrigin() && !this.credentials;
    }

    boolean allowsCredentials() {
        return this.credentials;
    }

    boolean allowsPrivateNetwork() {
        return this.privateNetwork;
    }

    /** The {@code Access-Control-Allow-Methods} value, or null to echo the requested method. */
    @Nullable String allowMethods() {
        return this.allowMethods;
    }

    /** The {@code Access-Control-Allow-Headers} value, or null to echo the requested headers. */
    @Nullable String allowHeaders() {
        return this.allowHeaders;
    }

    @Nullable String exposeHeaders() {
        return this.exposeHeaders;
    }

    /** The {@code Access-Control-Max-Age} value, in seconds. */
    String maxAge() {
        return this.maxAge;
    }

    /**
     * Whether the policy allows every header named in an {@code Access-Control-Request-Headers} value, scanned in
     * place: false too when the value is malformed or over the bounds.
     */
    public boolean allowsHeaders(String value) {
        int length = value.length();
        if (length > MAX_REQUEST_HEADERS_LENGTH) {
            return false;
        }
        int empty = 0;
        int i = 0;
        while (i <= length) {
            int whitespace = 0;
            while (i < length && Tokens.isWhitespace(value.charAt(i))) {
                i++;
                whitespace++;
            }
            int start = i;
            while (i < length && Tokens.isTokenChar(value.charAt(i))) {
                i++;
            }
            int end = i;
            while (i < length && Tokens.isWhitespace(value.charAt(i))) {
                i++;
                whitespace++;
            }
            if (whitespace > MAX_WHITESPACE || (i < length && value.charAt(i) != ',')) {
                return false;
            }
            if (start == end) {
                if (++empty > MAX_EMPTY_ELEMENTS) {
                    return false;
                }
            }
            else if (!allowsHeader(value, start, end)) {
                return false;
            }
            i++;
        }
        return true;
    }

    private boolean allowsHeader(String value, int start, int end) {
        if (this.headers == null) {
            return true;
        }
        int length = end - start;
        for (String header : this.headers) {
            if (header.length() == length && value.regionMatches(true, start, header, 0, length)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "CompiledPolicy '" + name() + "'";
    }
}
