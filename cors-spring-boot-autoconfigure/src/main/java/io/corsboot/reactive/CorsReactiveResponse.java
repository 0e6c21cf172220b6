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

    // Whether Vary lines may be there that are not ours: only then are they read back before adding a token.
    // Hand-written because reading them back builds a list per token on Netty's headers.
    private boolean varyBefore;

    // Once merged before the commit, every token of ours is there.
    private boolean varyMerged;

    CorsReactiveResponse(ServerHttpResponse response, Decision decision, CorsRequest request) {
        this.response = response;
        this.decision = decision;
        this.request = request;
        this.varyBefore = response.getHeaders().containsHeader(Vary.HEADER);
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
        List<String> current = headers.getOrEmpty(Vary.HEADER);
        // Nobody touched Vary: hand-written because merging anyway builds lists and rewrites every line per request.
        if (!current.equals(this.varyTokens)) {
            List<String> lines = Vary.merge(this.varyTokens, current);
            headers.remove(Vary.HEADER);
            lines.forEach((token) -> headers.add(Vary.HEADER, token));
        }
        this.varyMerged = true;
        this.decision.writeHeaders(this.request, this);
    }

    @Override
    public void set(String name, String value) {
        this.response.getHeaders().set(name, value);
    }

    @Override
    public void addVary(String token) {
        if (this.varyMerged) {
            return;
        }
        if (!this.varyTokens.contains(token)) {
            this.varyTokens.add(token);
        }
        HttpHeaders headers = this.response.getHeaders();
        if (!this.varyBefore || !Vary.contains(headers.getOrEmpty(Vary.HEADER), token)) {
            headers.add(Vary.HEADER, token);
        }
    }
}
