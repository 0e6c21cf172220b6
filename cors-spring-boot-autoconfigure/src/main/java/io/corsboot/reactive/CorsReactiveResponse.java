package io.corsboot.reactive;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.ResponseHeaders;
import io.corsboot.web.Vary;

/**
 * The headers of a response that a policy covers. They are written when the filter decides, so that the rest of
 * the chain sees them, and again just before the response commits: a handler may have replaced {@code Vary}, and an
 * error handler may have started from a cleared response.
 */
final class CorsReactiveResponse implements ResponseHeaders {

    private final ServerHttpResponse response;

    private final Decision decision;

    private final CorsRequest request;

    private final List<String> varyTokens = new ArrayList<>(4);

    CorsReactiveResponse(ServerHttpResponse response, Decision decision, CorsRequest request) {
        this.response = response;
        this.decision = decision;
        this.request = request;
        decision.writeHeaders(request, this);
    }

    /** Writes the decision's headers again when the response commits. */
    void reapplyBeforeCommit() {
        this.response.beforeCommit(() -> {
            reapply();
            return Mono.empty();
        });
    }

    private void reapply() {
        HttpHeaders headers = this.response.getHeaders();
        List<String> lines = Vary.merge(this.varyTokens, headers.getOrEmpty(Vary.HEADER));
        headers.remove(Vary.HEADER);
        lines.forEach((token) -> headers.add(Vary.HEADER, token));
        this.decision.writeHeaders(this.request, this);
    }

    @Override
    public void set(String name, String value) {
        this.response.getHeaders().set(name, value);
    }

    @Override
    public void addVary(String token) {
        if (!this.varyTokens.contains(token)) {
            this.varyTokens.add(token);
        }
        HttpHeaders headers = this.response.getHeaders();
        if (!Vary.contains(headers.getOrEmpty(Vary.HEADER), token)) {
            headers.add(Vary.HEADER, token);
        }
    }
}
