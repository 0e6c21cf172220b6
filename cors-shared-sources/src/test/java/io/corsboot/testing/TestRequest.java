package io.corsboot.testing;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;

/**
 * A request for the core alone, arriving on {@link #SELF} unless it names another scheme, host and port; header
 * names are compared case-insensitively.
 *
 * @param method the method
 * @param headers the request headers, one value each
 * @param scheme the scheme the request arrives on
 * @param host the host the request arrives on
 * @param port the port the request arrives on
 */
public record TestRequest(String method, Map<String, String> headers, String scheme, String host, int port)
        implements CorsRequest {

    public static final String SELF = "http://localhost:8080";

    public TestRequest {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    /** A request arriving on {@link #SELF}, where a header value {@link CorsCase#SELF} stands for it. */
    public TestRequest(String method, Map<String, String> headers) {
        this(method, withSelf(headers), "http", "localhost", 8080);
    }

    public static TestRequest of(CorsCase.Req request) {
        return new TestRequest(request.method(), request.headers());
    }

    private static Map<String, String> withSelf(Map<String, String> headers) {
        Map<String, String> replaced = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> replaced.put(name, value.replace(CorsCase.SELF, SELF)));
        return replaced;
    }

    @Override
    public @Nullable String header(String name) {
        return this.headers.get(name);
    }
}
