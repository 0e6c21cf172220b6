package io.corsboot.reactive;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;

import io.corsboot.core.CorsRequest;

/**
 * A reactive request as the core reads it. Its URI already reflects trusted forwarded headers: the
 * {@code ForwardedHeaderTransformer} (strategy {@code framework}) or the server itself (strategy {@code native})
 * applied them before any filter runs.
 */
final class ReactiveCorsRequest implements CorsRequest {

    // Marks a header not read yet; compared by identity.
    private static final String UNREAD = new String("unread");

    private final ServerHttpRequest request;

    // The core reads these up to twice per request (kind, decision, headers); each read searches the headers (and
    // allocates a list on Netty), so each is read once: hand-written because a preflight made six lookups where
    // four are needed.
    private @Nullable String origin = UNREAD;

    private @Nullable String requestMethod = UNREAD;

    private @Nullable String requestHeaders = UNREAD;

    ReactiveCorsRequest(ServerHttpRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return this.request.getMethod().name();
    }

    @Override
    public @Nullable String header(String name) {
        switch (name) {
            case "Origin":
                if (this.origin == UNREAD) {
                    this.origin = allValues(name);
                }
                return this.origin;
            case "Access-Control-Request-Method":
                if (this.requestMethod == UNREAD) {
                    this.requestMethod = allValues(name);
                }
                return this.requestMethod;
            case "Access-Control-Request-Headers":
                if (this.requestHeaders == UNREAD) {
                    this.requestHeaders = allValues(name);
                }
                return this.requestHeaders;
            default:
                return allValues(name);
        }
    }

    private @Nullable String allValues(String name) {
        List<String> values = this.request.getHeaders().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        return (values.size() == 1) ? values.get(0) : String.join(", ", values);
    }

    @Override
    public String scheme() {
        String scheme = this.request.getURI().getScheme();
        return (scheme != null) ? scheme : "http";
    }

    @Override
    public String host() {
        String host = this.request.getURI().getHost();
        return (host != null) ? host : "";
    }

    @Override
    public int port() {
        return this.request.getURI().getPort();
    }
}
