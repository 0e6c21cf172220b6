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

    /** The {@code Origin} request header. */
    public static final String ORIGIN = "Origin";

    /** The {@code Access-Control-Request-Method} request header of a preflight. */
    public static final String REQUEST_METHOD = "Access-Control-Request-Method";

    /** The {@code Access-Control-Request-Headers} request header of a preflight. */
    public static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

    /** The {@code Access-Control-Request-Private-Network} request header of a Private Network Access preflight. */
    public static final String REQUEST_PRIVATE_NETWORK = "Access-Control-Request-Private-Network";

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

    private final String maxAge;

    private final @Nullable CompiledPolicy candidate;

    private final List<SuppliedOrigins> supplied;

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
        this.maxAge = Long.toString(spec.maxAge().value().toSeconds());
        this.candidate = candidate;
        this.supplied = supplied;
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

    /** The origins the application supplied, each supplier's validated. */
    public List<SuppliedOrigins> supplied() {
        return this.supplied;
    }

    /** Whether the policy allows any origin, which it then answers with {@code *} unless credentials are allowed. */
    public boolean allowsAnyOrigin() {
        return this.origins.allowsAnyOrigin();
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
    public boolean allowsMethod(String method) {
        return (this.methodSet != null) ? this.methodSet.contains(method) : Tokens.isToken(method);
    }

    /** Decides a request that this policy covers. */
    public Decision decide(CorsRequest request) {
        Kind kind = Kind.of(request);
        boolean preflight = kind == Kind.PREFLIGHT;
        String origin = request.header(ORIGIN);
        Reason beforePolicy = Decision.beforePolicy(origin, request);
        if (beforePolicy != null) {
            return decision(kind, beforePolicy);
        }
        if (!this.origins.allows(origin)) {
            return decision(kind, Reason.ORIGIN_NOT_ALLOWED);
        }
        String method = kind.requestedMethod(request);
        if (method == null || !allowsMethod(method)) {
            return decision(kind, Reason.METHOD_NOT_ALLOWED);
        }
        if (preflight) {
            String requestHeaders = request.header(REQUEST_HEADERS);
            if (requestHeaders != null && !allowsHeaders(requestHeaders)) {
                return decision(kind, Reason.HEADERS_NOT_ALLOWED);
            }
        }
        return decision(kind, Reason.ALLOWED);
    }

    /**
     * Whether an {@code Origin} header value names the scheme, host and port the request arrived on; a malformed
     * value never does.
     */
    public static boolean isSameOrigin(String origin, CorsRequest request) {
        long parsed = RequestOrigin.parse(origin);
        return parsed != RequestOrigin.MALFORMED
                && RequestOrigin.isSameOrigin(origin, parsed, request.scheme(), request.host(), request.port());
    }

    /** The preallocated decision of this policy for a kind and a reason. */
    public Decision decision(Kind kind, Reason reason) {
        return this.decisions[kind.ordinal() * REASONS + reason.ordinal()];
    }

    void writeHeaders(Decision decision, CorsRequest request, ResponseHeaders out) {
        boolean preflight = decision.kind() == Kind.PREFLIGHT;
        out.addVary(ORIGIN);
        if (preflight) {
            out.addVary(REQUEST_METHOD);
            out.addVary(REQUEST_HEADERS);
            if (this.privateNetwork) {
                out.addVary(REQUEST_PRIVATE_NETWORK);
            }
        }
        if (!decision.allowed()) {
            return;
        }
        String origin = request.header(ORIGIN);
        out.set("Access-Control-Allow-Origin", (this.origins.allowsAnyOrigin() && !this.credentials) ? "*" : origin);
        if (this.credentials) {
            out.set("Access-Control-Allow-Credentials", "true");
        }
        if (preflight) {
            out.set("Access-Control-Allow-Methods",
                    (this.allowMethods != null) ? this.allowMethods : request.header(REQUEST_METHOD));
            String requestHeaders = request.header(REQUEST_HEADERS);
            // The decision scanned the list already, so any token character means a name: hand-written because a
            // second full scan doubled the header work of every preflight.
            if (requestHeaders != null && hasTokenChar(requestHeaders)) {
                // Echoing is safe: the scan accepted only header-name tokens, commas and a little whitespace.
                out.set("Access-Control-Allow-Headers", (this.allowHeaders != null) ? this.allowHeaders : requestHeaders);
            }
            out.set("Access-Control-Max-Age", this.maxAge);
            if (this.privateNetwork && "true".equals(request.header(REQUEST_PRIVATE_NETWORK))) {
                out.set("Access-Control-Allow-Private-Network", "true");
            }
        }
        else if (this.exposeHeaders != null) {
            out.set("Access-Control-Expose-Headers", this.exposeHeaders);
        }
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

    private static boolean hasTokenChar(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Tokens.isTokenChar(value.charAt(i))) {
                return true;
            }
        }
        return false;
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
