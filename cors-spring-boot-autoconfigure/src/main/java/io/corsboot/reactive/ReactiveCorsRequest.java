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

    private final ServerHttpRequest request;

    private @Nullable String origin;

    private boolean originRead;

    ReactiveCorsRequest(ServerHttpRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return this.request.getMethod().name();
    }

    @Override
    public @Nullable String header(String name) {
        // Origin is read several times per request (kind, decision, headers): join its lines once.
        if ("Origin".equals(name)) {
            if (!this.originRead) {
                this.origin = allValues(name);
                this.originRead = true;
            }
            return this.origin;
        }
        return allValues(name);
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
