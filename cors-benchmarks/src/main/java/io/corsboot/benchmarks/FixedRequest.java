package io.corsboot.benchmarks;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;
import io.corsboot.web.DecidedRequest;

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

    /** The request as the decider reads it, made for each decision as the filters make theirs. */
    static DecidedRequest decidable(FixedRequest request) {
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
}
