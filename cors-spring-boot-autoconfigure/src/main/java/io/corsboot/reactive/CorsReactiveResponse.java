package io.corsboot.reactive;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.web.CoveredResponseHeaders;

/**
 * The response of a request that a policy covers. The decision's headers are written when the filter decides, so
 * that the rest of the chain sees them; the rest of the chain writes headers through a view that keeps them as
 * {@link CoveredResponseHeaders} says. What escapes this decorator, an error handler or a response that the server
 * completes after the chain, still gets the decision's headers again when the response commits: see
 * {@link #afterChain()}.
 */
class CorsReactiveResponse extends ServerHttpResponseDecorator {

    private final GovernedHeaders headers;

    CorsReactiveResponse(ServerHttpResponse response, Decision decision, CorsRequest request) {
        super(response);
        this.headers = new GovernedHeaders(response.getHeaders(), decision, request);
    }

    /**
     * The response that the rest of the chain writes to: this one, and one that keeps zero-copy file transfers when
     * the server's response offers them.
     */
    static CorsReactiveResponse of(ServerHttpResponse response, Decision decision, CorsRequest request) {
        return (response instanceof ZeroCopyHttpOutputMessage)
                ? new ZeroCopy(response, decision, request) : new CorsReactiveResponse(response, decision, request);
    }

    /**
     * Called when the rest of the chain has finished, successfully or not, before its signal goes on. A response
     * not committed by then is committed by an error handler or by the server, both of which write to the response
     * under this decorator: the headers are written again when it commits.
     */
    void afterChain() {
        if (!isCommitted()) {
            getDelegate().beforeCommit(() -> Mono.fromRunnable(this.headers.rules::write));
        }
    }

    /** The headers, read-only once the response has committed, as the server's own are. */
    @Override
    public HttpHeaders getHeaders() {
        return isCommitted() ? getDelegate().getHeaders() : this.headers;
    }

    /**
     * The server's headers, written through {@link CoveredResponseHeaders} wherever they name a header it governs.
     * Every writing method of {@link HttpHeaders} that does not call another is overridden.
     */
    private static final class GovernedHeaders extends HttpHeaders implements CoveredResponseHeaders.Target {

        private final CoveredResponseHeaders rules;

        GovernedHeaders(HttpHeaders headers, Decision decision, CorsRequest request) {
            super(headers);
            this.rules = new CoveredResponseHeaders(decision, request, this);
            this.rules.write();
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

        @Override
        public @Nullable List<String> remove(String key) {
            if (!CoveredResponseHeaders.governs(key)) {
                return super.remove(key);
            }
            List<String> previous = get(key);
            this.rules.applicationSets(key, List.of());
            return previous;
        }

        @Override
        public void clear() {
            super.clear();
            this.rules.write();
        }


        @Override
        public boolean has(String name) {
            return containsHeader(name);
        }

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

    /** Keeps the server's zero-copy file transfer, which Spring's resource writer looks for on the response. */
    private static final class ZeroCopy extends CorsReactiveResponse implements ZeroCopyHttpOutputMessage {

        ZeroCopy(ServerHttpResponse response, Decision decision, CorsRequest request) {
            super(response, decision, request);
        }

        @Override
        public Mono<Void> writeWith(Path file, long position, long count) {
            return ((ZeroCopyHttpOutputMessage) getDelegate()).writeWith(file, position, count);
        }
    }
}
