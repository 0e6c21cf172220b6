package io.corsboot.reactive;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
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
 * that the rest of the chain sees them, and again just before the response commits: a handler may have replaced
 * {@code Vary}, and an error handler may have started from a cleared response.
 * <p>
 * The rest of the chain writes through this decorator, which writes the headers again before each write. Hand-written
 * instead of {@code beforeCommit}, whose Reactor pipeline at commit allocated about 1 KB more per request in
 * {@code ReactiveFilterBenchmark}. What escapes the decorator, an error handler or a response that the
 * server completes after the chain, still gets a {@code beforeCommit} action: see {@link #afterChain()}.
 */
class CorsReactiveResponse extends ServerHttpResponseDecorator implements ResponseHeaders {

    private final Decision decision;

    private final CorsRequest request;

    // Whether Vary lines may be there that are not ours: only then are they read back before adding a token.
    // Hand-written because reading them back builds a list per token on Netty's headers.
    private final boolean varyBefore;

    // While writing the headers again, the Vary lines are only compared with the decision's tokens, one a line:
    // any other Vary is rewritten, merged, one token a line, none twice.
    private @Nullable List<String> varyLines;

    private int varyIndex;

    private boolean varyChanged;

    CorsReactiveResponse(ServerHttpResponse response, Decision decision, CorsRequest request) {
        super(response);
        this.decision = decision;
        this.request = request;
        this.varyBefore = response.getHeaders().containsHeader(Vary.HEADER);
        HeaderWriter.write(decision, request, this);
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
            getDelegate().beforeCommit(() -> Mono.fromRunnable(this::writeHeadersAgain));
        }
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return Mono.defer(() -> {
            writeAgain();
            return getDelegate().writeWith(body);
        });
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return Mono.defer(() -> {
            writeAgain();
            return getDelegate().writeAndFlushWith(body);
        });
    }

    @Override
    public Mono<Void> setComplete() {
        return Mono.defer(() -> {
            writeAgain();
            return getDelegate().setComplete();
        });
    }

    // Before a write through this decorator; a second write finds the response committed.
    void writeAgain() {
        if (!isCommitted()) {
            writeHeadersAgain();
        }
    }

    private void writeHeadersAgain() {
        HttpHeaders headers = getHeaders();
        List<String> lines = headers.getOrEmpty(Vary.HEADER);
        this.varyLines = lines;
        this.varyIndex = 0;
        this.varyChanged = false;
        HeaderWriter.write(this.decision, this.request, this);
        this.varyLines = null;
        if (this.varyChanged || this.varyIndex != lines.size()) {
            headers.put(Vary.HEADER, Vary.merge(Vary.tokensOf(this.decision, this.request), lines));
        }
    }

    @Override
    public void set(String name, String value) {
        HttpHeaders headers = getHeaders();
        // Written again only when changed: hand-written because setting an unchanged value again replaced its list
        // of values, which cost a list and a map update per header on every allowed request.
        if (this.varyLines == null || !value.equals(headers.getFirst(name))) {
            headers.set(name, value);
        }
    }

    /** Precondition: called from {@link HeaderWriter#write}, which names each token once. */
    @Override
    public void addVary(String token) {
        List<String> lines = this.varyLines;
        if (lines != null) {
            this.varyChanged |= this.varyIndex >= lines.size() || !lines.get(this.varyIndex).equals(token);
            this.varyIndex++;
            return;
        }
        HttpHeaders headers = getHeaders();
        if (!this.varyBefore || !Vary.contains(headers.getOrEmpty(Vary.HEADER), token)) {
            headers.add(Vary.HEADER, token);
        }
    }

    /** Keeps the server's zero-copy file transfer, which Spring's resource writer looks for on the response. */
    private static final class ZeroCopy extends CorsReactiveResponse implements ZeroCopyHttpOutputMessage {

        ZeroCopy(ServerHttpResponse response, Decision decision, CorsRequest request) {
            super(response, decision, request);
        }

        @Override
        public Mono<Void> writeWith(Path file, long position, long count) {
            return Mono.defer(() -> {
                writeAgain();
                return ((ZeroCopyHttpOutputMessage) getDelegate()).writeWith(file, position, count);
            });
        }
    }
}
