package io.corsboot.benchmarks;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;

/**
 * A request whose headers never change, looked up by the exact names the core asks for, so that the adapter
 * costs next to nothing (a case-insensitive map measured more than the decision).
 */
final class FixedRequest implements CorsRequest {

    private final String method;

    private final Map<String, String> headers;

    FixedRequest(String method, Map<String, String> headers) {
        this.method = method;
        this.headers = new HashMap<>(headers);
    }

    @Override
    public String method() {
        return this.method;
    }

    @Override
    public @Nullable String header(String name) {
        return this.headers.get(name);
    }

    @Override
    public String scheme() {
        return "http";
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return 80;
    }
}
