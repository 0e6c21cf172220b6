package io.corsboot.servlet;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.HeaderWriter;
import io.corsboot.core.ResponseHeaders;
import io.corsboot.web.Vary;

/**
 * The response of a request a policy covers: the application may set {@code Vary} or reset the response, and the
 * decision's headers stay.
 */
final class CorsServletResponse extends HttpServletResponseWrapper implements ResponseHeaders {

    private final Decision decision;

    private final CorsRequest request;

    // Whether Vary lines were there before the decision's: only then are they read back before adding a token.
    // Hand-written because reading them back (getHeaders copies them) cost 2 lists per preflight in the profile.
    private boolean varyBefore;

    CorsServletResponse(HttpServletResponse response, Decision decision, CorsRequest request) {
        super(response);
        this.decision = decision;
        this.request = request;
        writeDecisionHeaders();
    }

    private void writeDecisionHeaders() {
        this.varyBefore = containsHeader(Vary.HEADER);
        HeaderWriter.write(this.decision, this.request, this);
    }

    @Override
    public void set(String name, String value) {
        super.setHeader(name, value);
    }

    /** Precondition: called from {@link HeaderWriter#write}, which names each token once. */
    @Override
    public void addVary(String token) {
        if (!this.varyBefore || !Vary.contains(getHeaders(Vary.HEADER), token)) {
            super.addHeader(Vary.HEADER, token);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!Vary.HEADER.equalsIgnoreCase(name)) {
            super.setHeader(name, value);
            return;
        }
        List<String> tokens = Vary.merge(Vary.tokensOf(this.decision, this.request), List.of(value));
        super.setHeader(Vary.HEADER, tokens.get(0));
        tokens.subList(1, tokens.size()).forEach((token) -> super.addHeader(Vary.HEADER, token));
    }

    @Override
    public void addHeader(String name, String value) {
        if (!Vary.HEADER.equalsIgnoreCase(name)) {
            super.addHeader(name, value);
            return;
        }
        for (String token : Vary.tokens(List.of(value))) {
            if (!Vary.contains(getHeaders(Vary.HEADER), token)) {
                super.addHeader(Vary.HEADER, token);
            }
        }
    }

    @Override
    public void reset() {
        super.reset();
        writeDecisionHeaders();
    }
}
