package io.corsboot.reactive;

import java.nio.file.Path;

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
 * {@link CoveredResponseHeaders} says. Error handlers write beneath this decorator, to the server's response: the
 * filter has the decision's headers written again there when a request fails, with {@link #rewriteOnCommit}.
 */
class CorsReactiveResponse extends ServerHttpResponseDecorator {

    private final GovernedHeaders headers;

    CorsReactiveResponse(ServerHttpResponse response, Decision decision, CorsRequest request) {
        super(response);
        this.headers = new FrameworkGovernedHeaders(response.getHeaders(), decision, request);
        this.headers.rules.write();
    }

    /**
     * The response that the rest of the chain writes to: this one, and one that keeps zero-copy file transfers when
     * the server's response offers them.
     */
    static CorsReactiveResponse of(ServerHttpResponse response, Decision decision, CorsRequest request) {
        return (response instanceof ZeroCopyHttpOutputMessage)
                ? new ZeroCopy(response, decision, request) : new CorsReactiveResponse(response, decision, request);
    }

    /** Writes the decision's headers to a response that the filter answers itself, without the rest of the chain. */
    static void writeHeaders(ServerHttpResponse response, Decision decision, CorsRequest request) {
        new FrameworkGovernedHeaders(response.getHeaders(), decision, request).rules.write();
    }

    /**
     * Writes the decision's headers again when the server's response commits, after whatever an error handler writes
     * to it beneath this decorator: only when the chain fails, since Spring runs commit actions through a Reactor
     * pipeline (about 1 KB a response, measured).
     */
    void rewriteOnCommit() {
        CoveredResponseHeaders rules = this.headers.rules;
        getDelegate().beforeCommit(() -> Mono.fromRunnable(rules::write));
    }

    /** The headers, read-only once the response has committed, as the server's own are. */
    @Override
    public HttpHeaders getHeaders() {
        return isCommitted() ? getDelegate().getHeaders() : this.headers;
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
