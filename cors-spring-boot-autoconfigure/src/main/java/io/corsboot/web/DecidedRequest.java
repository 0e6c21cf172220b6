package io.corsboot.web;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsHeaders;
import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;

/**
 * A request as the core reads it, and what {@link CorsDecider#decide} made of it: the policy's decision and its
 * candidate's. Each CORS request header is read from the underlying request once: the core reads {@code Origin} and
 * {@code Access-Control-Request-Method} up to three times per decision (kind, decision, headers) and
 * {@code Access-Control-Request-Headers} twice, a candidate decides the request again, and each read searches the
 * request's headers and allocates on both stacks.
 *
 * @since 0.1.0
 */
public abstract class DecidedRequest implements CorsRequest {

    // Marks a header not read yet; compared by identity.
    private static final String UNREAD = new String("unread");

    private @Nullable String origin = UNREAD;

    private @Nullable String requestMethod = UNREAD;

    private @Nullable String requestHeaders = UNREAD;

    private @Nullable Decision decision;

    private @Nullable Decision candidate;

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
     * A request already read, such as one the endpoint describes, as the decider reads it.
     * @param request the request
     * @return the request, with room for its decisions
     */
    public static DecidedRequest of(CorsRequest request) {
        return new DecidedRequest() {

            @Override
            protected @Nullable String readHeader(String name) {
                return request.header(name);
            }

            @Override
            public String method() {
                return request.method();
            }

            @Override
            public String scheme() {
                return request.scheme();
            }

            @Override
            public String host() {
                return request.host();
            }

            @Override
            public int port() {
                return request.port();
            }
        };
    }

    /**
     * Reads a header from the underlying request, several lines joined with {@code ", "} as
     * {@link CorsRequest#header} requires.
     */
    protected abstract @Nullable String readHeader(String name);

    /**
     * The decision of the policy that covers the request.
     * @throws IllegalStateException before the request is decided
     */
    public final Decision decision() {
        Decision decided = this.decision;
        if (decided == null) {
            throw new IllegalStateException("The request is not decided yet");
        }
        return decided;
    }

    /** The decision of the policy's candidate, or null when the policy has none or the request is not decided. */
    public final @Nullable Decision candidate() {
        return this.candidate;
    }

    final void decided(Decision decision, @Nullable Decision candidate) {
        this.decision = decision;
        this.candidate = candidate;
    }
}
