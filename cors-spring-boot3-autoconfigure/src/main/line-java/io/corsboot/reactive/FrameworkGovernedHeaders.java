package io.corsboot.reactive;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.web.GovernedHeaders;

/**
 * {@link GovernedHttpHeaders} on Spring Framework 6.2, whose {@link HttpHeaders} is a {@link MultiValueMap}: it
 * removes by any key, and its {@code putAll} and {@code addAll} write to the map underneath without calling
 * {@code put} or {@code add}, so they are routed through them here.
 */
final class FrameworkGovernedHeaders extends GovernedHttpHeaders {

    FrameworkGovernedHeaders(HttpHeaders headers, Decision decision, CorsRequest request) {
        super(headers, decision, request);
    }

    @Override
    public @Nullable List<String> remove(Object key) {
        return (key instanceof String name && GovernedHeaders.isGoverned(name)) ? removeGoverned(name)
                : super.remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ? extends List<String>> map) {
        map.forEach(this::put);
    }

    @Override
    public void addAll(MultiValueMap<String, String> values) {
        values.forEach(this::addAll);
    }

    @Override
    boolean contains(String name) {
        return containsKey(name);
    }
}
