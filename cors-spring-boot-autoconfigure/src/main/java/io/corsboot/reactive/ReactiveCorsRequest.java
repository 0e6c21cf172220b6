package io.corsboot.reactive;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;

import io.corsboot.web.DecidedRequest;

/**
 * A reactive request as the core reads it. Its URI already reflects trusted forwarded headers: the
 * {@code ForwardedHeaderTransformer} (strategy {@code framework}) or the server itself (strategy {@code native})
 * applied them before any filter runs.
 */
final class ReactiveCorsRequest extends DecidedRequest {

    private final ServerHttpRequest request;

    ReactiveCorsRequest(ServerHttpRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return this.request.getMethod().name();
    }

    @Override
    protected @Nullable String readHeader(String name) {
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
