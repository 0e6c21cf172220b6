package io.corsboot.benchmarks;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;

/**
 * A server response that keeps its status and headers and drops its body, on the same base class as the servers'
 * responses: commit actions, commit state and header handling are Spring's own. {@code MockServerHttpResponse}
 * additionally creates an exception with its stack trace per response (reported when no body was written) and caches
 * the body for the test to read, work that no server does and that would be most of the reactive floor.
 */
final class DiscardingServerHttpResponse extends AbstractServerHttpResponse {

    DiscardingServerHttpResponse() {
        super(DefaultDataBufferFactory.sharedInstance);
    }

    @Override
    public <T> T getNativeResponse() {
        throw new UnsupportedOperationException("No native response behind a discarding response");
    }

    @Override
    protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
        return Flux.from(body).then();
    }

    @Override
    protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return Flux.from(body).flatMap(Flux::from).then();
    }

    @Override
    protected void applyStatusCode() {
        // The status stays in this response, where the benchmark checks it.
    }

    @Override
    protected void applyHeaders() {
        // The headers stay in this response, where the benchmark checks them.
    }

    @Override
    protected void applyCookies() {
        // No cookie is set.
    }
}
