package io.corsboot.core;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A generated {@link CorsRequest} that arrives on any scheme, host and port, so that some are same-origin; header
 * names compared case-insensitively.
 */
record GeneratedRequest(String method, Map<String, String> headers, String scheme, String host, int port)
        implements CorsRequest {

    GeneratedRequest {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    @Override
    public @Nullable String header(String name) {
        return this.headers.get(name);
    }
}
