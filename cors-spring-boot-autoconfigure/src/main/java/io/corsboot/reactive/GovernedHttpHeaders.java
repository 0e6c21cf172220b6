package io.corsboot.reactive;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.HeaderWriter;
import io.corsboot.core.ResponseHeaders;
import io.corsboot.web.GovernedHeaders;
import io.corsboot.web.Vary;

/**
 * The server's headers as the rest of the chain writes them on a covered response: with the decision's headers, and
 * kept as {@link GovernedHeaders} says. Every writing method of {@link HttpHeaders} that does not call another is
 * overridden: here those that Spring Framework 6.2 and 7 declare alike, in {@link FrameworkGovernedHeaders} those
 * whose signatures differ between them.
 */
abstract class GovernedHttpHeaders extends HttpHeaders implements ResponseHeaders {

    private final Decision decision;

    private final CorsRequest request;

    // Whether Vary lines were there before the decision's: only then are they read back before adding a token.
    // Hand-written because reading them back copies them into a list.
    private boolean varyBefore;

    GovernedHttpHeaders(HttpHeaders headers, Decision decision, CorsRequest request) {
        super(headers);
        this.decision = decision;
        this.request = request;
    }

    /** Writes the decision's headers: when the filter decides, again when they are cleared or an error commits. */
    final void writeDecision() {
        // Usually the response has no header yet when the filter decides: told without a lookup.
        this.varyBefore = !isEmpty() && contains(Vary.HEADER);
        HeaderWriter.write(this.decision, this.request, this);
    }

    @Override
    public void set(String headerName, @Nullable String headerValue) {
        if (GovernedHeaders.isGoverned(headerName)) {
            replaceGoverned(headerName, (headerValue != null) ? List.of(headerValue) : List.of());
        }
        else {
            super.set(headerName, headerValue);
        }
    }

    @Override
    public void add(String headerName, @Nullable String headerValue) {
        if (!GovernedHeaders.isGoverned(headerName)) {
            super.add(headerName, headerValue);
        }
        else if (headerValue != null) {
            addGoverned(headerName, List.of(headerValue));
        }
    }

    @Override
    public void addAll(String headerName, List<? extends String> headerValues) {
        if (GovernedHeaders.isGoverned(headerName)) {
            addGoverned(headerName, List.copyOf(headerValues));
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
        if (!GovernedHeaders.isGoverned(headerName)) {
            return super.put(headerName, headerValues);
        }
        List<String> previous = get(headerName);
        replaceGoverned(headerName, headerValues);
        return previous;
    }

    @Override
    public @Nullable List<String> putIfAbsent(String headerName, List<String> headerValues) {
        if (!GovernedHeaders.isGoverned(headerName)) {
            return super.putIfAbsent(headerName, headerValues);
        }
        List<String> previous = get(headerName);
        if (previous == null) {
            replaceGoverned(headerName, headerValues);
        }
        return previous;
    }

    /** Removes a governed header as the application asks: its {@code Vary} tokens go, the decision's stay. */
    final @Nullable List<String> removeGoverned(String headerName) {
        List<String> previous = get(headerName);
        replaceGoverned(headerName, List.of());
        return previous;
    }

    @Override
    public void clear() {
        super.clear();
        writeDecision();
    }

    /** Whether the header is present: {@code containsHeader} in Spring Framework 7, {@code containsKey} in 6.2. */
    abstract boolean contains(String name);

    /** Called by the decision alone, from {@link #writeDecision()}. */
    @Override
    public final void write(String name, String value) {
        super.set(name, value);
    }

    /** Called by the decision alone, from {@link #writeDecision()}, which names each token once. */
    @Override
    public final void addVary(String token) {
        if (!this.varyBefore || !Vary.contains(getOrEmpty(Vary.HEADER), token)) {
            super.add(Vary.HEADER, token);
        }
    }

    // The application replaces a governed header: an Access-Control-* header stays as the decision wrote it, and
    // Vary becomes the decision's tokens merged with the lines'.
    private void replaceGoverned(String headerName, List<String> lines) {
        if (!Vary.HEADER.equalsIgnoreCase(headerName)) {
            return;
        }
        List<String> tokens = Vary.merge(Vary.tokensOf(this.decision, this.request), lines);
        if (tokens.isEmpty()) {
            // A public answer adds no token, so the application may remove Vary altogether.
            super.remove(Vary.HEADER);
            return;
        }
        super.set(Vary.HEADER, tokens.get(0));
        for (int i = 1; i < tokens.size(); i++) {
            super.add(Vary.HEADER, tokens.get(i));
        }
    }

    // The application adds lines to a governed header: each Vary token that no line lists yet is added, one a line.
    private void addGoverned(String headerName, List<String> lines) {
        if (Vary.HEADER.equalsIgnoreCase(headerName)) {
            for (String token : Vary.missing(getOrEmpty(Vary.HEADER), lines)) {
                super.add(Vary.HEADER, token);
            }
        }
    }
}
