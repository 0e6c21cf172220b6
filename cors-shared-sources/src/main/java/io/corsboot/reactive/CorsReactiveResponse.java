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
 * {@link CoveredResponseHeaders} says. What escapes this decorator, an error handler or a response that the server
 * completes after the chain, still gets the decision's headers again when the response commits: see
 * {@link #afterChain()}.
 */
class CorsReactiveResponse extends ServerHttpResponseDecorator {

    private final GovernedHeaders headers;

    CorsReactiveResponse(ServerHttpResponse response, Decision decision, CorsRequest request) {
        super(response);
        this.headers = new FrameworkGovernedHeaders(response.getHeaders(), decision, request);
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
