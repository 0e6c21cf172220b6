package io.corsboot.reactive;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.web.GovernedHeaders;

/**
 * {@link GovernedHttpHeaders} on Spring Framework 7, whose {@link HttpHeaders} is no longer a map: it removes by
 * header name, and writes {@code putAll} and {@code addAll} through {@code put} and {@code add}.
 */
final class FrameworkGovernedHeaders extends GovernedHttpHeaders {

    FrameworkGovernedHeaders(HttpHeaders headers, Decision decision, CorsRequest request) {
        super(headers, decision, request);
    }

    @Override
    public @Nullable List<String> remove(String key) {
        return GovernedHeaders.isGoverned(key) ? removeGoverned(key) : super.remove(key);
    }

    @Override
    boolean contains(String name) {
        return containsHeader(name);
    }
}
