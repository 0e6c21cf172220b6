package io.corsboot.reactive;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.web.CoveredResponseHeaders;

/**
 * The server's headers, written through {@link CoveredResponseHeaders} wherever they name a header it governs.
 * Every writing method of {@link HttpHeaders} that does not call another is overridden: here those that Spring
 * Framework 6.2 and 7 declare alike, in {@link FrameworkGovernedHeaders} those whose signatures differ between them.
 */
abstract class GovernedHeaders extends HttpHeaders implements CoveredResponseHeaders.Target {

    final CoveredResponseHeaders rules;

    GovernedHeaders(HttpHeaders headers, Decision decision, CorsRequest request) {
        super(headers);
        this.rules = new CoveredResponseHeaders(decision, request, this);
    }

    @Override
    public void set(String headerName, @Nullable String headerValue) {
        if (CoveredResponseHeaders.governs(headerName)) {
            this.rules.applicationSets(headerName, headerValue);
        }
        else {
            super.set(headerName, headerValue);
        }
    }

    @Override
    public void add(String headerName, @Nullable String headerValue) {
        if (CoveredResponseHeaders.governs(headerName)) {
            this.rules.applicationAdds(headerName, headerValue);
        }
        else {
            super.add(headerName, headerValue);
        }
    }

    @Override
    public void addAll(String headerName, List<? extends String> headerValues) {
        if (CoveredResponseHeaders.governs(headerName)) {
            this.rules.applicationAdds(headerName, List.copyOf(headerValues));
        }
        else {
            super.addAll(headerName, headerValues);
        }
    }

    @Override
    public void setAll(Map<String, String> values) {
        values.forEach(this::set);
    }

    @Override
    public @Nullable List<String> put(String headerName, List<String> headerValues) {
        if (!CoveredResponseHeaders.governs(headerName)) {
            return super.put(headerName, headerValues);
        }
        List<String> previous = get(headerName);
        this.rules.applicationSets(headerName, headerValues);
        return previous;
    }

    @Override
    public @Nullable List<String> putIfAbsent(String headerName, List<String> headerValues) {
        if (!CoveredResponseHeaders.governs(headerName)) {
            return super.putIfAbsent(headerName, headerValues);
        }
        List<String> previous = get(headerName);
        if (previous == null) {
            this.rules.applicationSets(headerName, headerValues);
        }
        return previous;
    }

    /** Removes a governed header as the application asks: its {@code Vary} tokens go, the decision's stay. */
    final @Nullable List<String> removeGoverned(String headerName) {
        List<String> previous = get(headerName);
        this.rules.applicationSets(headerName, List.of());
        return previous;
    }

    @Override
    public void clear() {
        super.clear();
        this.rules.write();
    }

    @Override
    public final boolean has(String name) {
        // Asked when the filter decides, when the response usually has no header yet: answered without a lookup.
        return !isEmpty() && contains(name);
    }

    /** Whether the header is present: {@code containsHeader} in Spring Framework 7, {@code containsKey} in 6.2. */
    abstract boolean contains(String name);

    @Override
    public Iterable<String> lines(String name) {
        return getOrEmpty(name);
    }

    @Override
    public void replace(String name, String value) {
        super.set(name, value);
    }

    @Override
    public void append(String name, String value) {
        super.add(name, value);
    }
}
