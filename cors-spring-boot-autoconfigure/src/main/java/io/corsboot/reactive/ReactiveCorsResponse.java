package io.corsboot.reactive;

import java.nio.file.Path;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.HeaderWriter;
import io.corsboot.core.ResponseHeaders;
import io.corsboot.web.Vary;

/**
 * The response of a request that a policy covers. The decision's headers are written when the filter decides, so
 * that the rest of the chain sees them; the rest of the chain writes headers through a {@link GovernedHttpHeaders}
 * view. Error handlers write beneath this decorator, to the server's response: the filter has the decision's headers
 * written again there when a request fails, with {@link #rewriteOnCommit}.
 */
class ReactiveCorsResponse extends ServerHttpResponseDecorator {

    private final GovernedHttpHeaders headers;

    ReactiveCorsResponse(ServerHttpResponse response, Decision decision, CorsRequest request) {
        super(response);
        this.headers = new FrameworkGovernedHeaders(response.getHeaders(), decision, request);
        this.headers.writeDecision();
    }

    /**
     * The response that the rest of the chain writes to: this one, and one that keeps zero-copy file transfers when
     * the server's response offers them.
     */
    static ReactiveCorsResponse of(ServerHttpResponse response, Decision decision, CorsRequest request) {
        return (response instanceof ZeroCopyHttpOutputMessage)
                ? new ZeroCopy(response, decision, request) : new ReactiveCorsResponse(response, decision, request);
    }

    /**
     * Answers a request without the rest of the chain: the decision's headers, written straight to the server's
     * response, which nothing else writes to, and its status.
     */
    static void answer(ServerHttpResponse response, Decision decision, CorsRequest request) {
        HttpHeaders headers = response.getHeaders();
        boolean varyBefore = !headers.isEmpty() && headers.getFirst(Vary.HEADER) != null;
        HeaderWriter.write(decision, request, new Answer(headers, varyBefore));
        response.setStatusCode(HttpStatusCode.valueOf(decision.status()));
    }

    /**
     * Writes the decision's headers again when the server's response commits, after whatever an error handler writes
     * to it beneath this decorator: only when the chain fails, since Spring runs commit actions through a Reactor
     * pipeline that every response would pay for.
     */
    void rewriteOnCommit() {
        GovernedHttpHeaders governed = this.headers;
        getDelegate().beforeCommit(() -> Mono.fromRunnable(governed::writeDecision));
    }

    /** The headers, read-only once the response has committed, as the server's own are. */
    @Override
    public HttpHeaders getHeaders() {
        return isCommitted() ? getDelegate().getHeaders() : this.headers;
    }

    /**
     * The server's headers of a response the filter answers, and whether a filter before it wrote {@code Vary}: only
     * then are its lines read back before adding a token.
     */
    private record Answer(HttpHeaders headers, boolean varyBefore) implements ResponseHeaders {

        @Override
        public void write(String name, String value) {
            this.headers.set(name, value);
        }

        @Override
        public void addVary(String token) {
            if (!this.varyBefore || !Vary.contains(this.headers.getOrEmpty(Vary.HEADER), token)) {
                this.headers.add(Vary.HEADER, token);
            }
        }
    }

    /** Keeps the server's zero-copy file transfer, which Spring's resource writer looks for on the response. */
    private static final class ZeroCopy extends ReactiveCorsResponse implements ZeroCopyHttpOutputMessage {

        ZeroCopy(ServerHttpResponse response, Decision decision, CorsRequest request) {
            super(response, decision, request);
        }

        @Override
        public Mono<Void> writeWith(Path file, long position, long count) {
            return ((ZeroCopyHttpOutputMessage) getDelegate()).writeWith(file, position, count);
        }
    }
}
