package io.corsboot.testing;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;

/** A request for the core alone, arriving on {@code http://localhost:8080}. */
public final class TestRequest implements CorsRequest {

    public static final String SELF = "http://localhost:8080";

    private final String method;

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public TestRequest(String method, Map<String, String> headers) {
        this.method = method;
        headers.forEach((name, value) -> this.headers.put(name, value.replace(CorsCase.SELF, SELF)));
    }

    public static TestRequest of(CorsCase.Req request) {
        return new TestRequest(request.method(), request.headers());
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
        return 8080;
    }
}
