package io.corsboot.servlet;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.HeaderWriter;
import io.corsboot.core.ResponseHeaders;
import io.corsboot.web.GovernedHeaders;
import io.corsboot.web.Vary;

/**
 * The response of a request a policy covers. It has the decision's headers written when the filter decides, and again
 * when the application resets it; the application may set {@code Vary} and write {@code Access-Control-*} headers,
 * and the decision's headers stay as {@link GovernedHeaders} says.
 */
final class ServletCorsResponse extends HttpServletResponseWrapper implements ResponseHeaders {

    private final Decision decision;

    private final CorsRequest request;

    // Whether Vary lines were there before the decision's: only then are they read back before adding a token.
    // Hand-written because reading them back copies them into a list.
    private boolean varyBefore;

    ServletCorsResponse(HttpServletResponse response, Decision decision, CorsRequest request) {
        super(response);
        this.decision = decision;
        this.request = request;
        writeDecision();
    }

    private void writeDecision() {
        this.varyBefore = super.containsHeader(Vary.HEADER);
        HeaderWriter.write(this.decision, this.request, this);
    }

    @Override
    public void setHeader(String name, @Nullable String value) {
        if (!GovernedHeaders.isGoverned(name)) {
            super.setHeader(name, value);
        }
        else if (Vary.HEADER.equalsIgnoreCase(name)) {
            replaceVary((value != null) ? List.of(value) : List.of());
        }
    }

    @Override
    public void addHeader(String name, @Nullable String value) {
        if (!GovernedHeaders.isGoverned(name)) {
            super.addHeader(name, value);
        }
        else if (value != null && Vary.HEADER.equalsIgnoreCase(name)) {
            appendVary(value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (GovernedHeaders.isGoverned(name)) {
            setHeader(name, Integer.toString(value));
        }
        else {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (GovernedHeaders.isGoverned(name)) {
            addHeader(name, Integer.toString(value));
        }
        else {
            super.addIntHeader(name, value);
        }
    }

    // A date is never a value of Vary or of a CORS header: a governed header written as one is dropped.
    @Override
    public void setDateHeader(String name, long date) {
        if (!GovernedHeaders.isGoverned(name)) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!GovernedHeaders.isGoverned(name)) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public void reset() {
        super.reset();
        writeDecision();
    }

    /** Called by the decision alone, from {@link HeaderWriter#write}. */
    @Override
    public void write(String name, String value) {
        super.setHeader(name, value);
    }

    /** Called by the decision alone, from {@link HeaderWriter#write}, which names each token once. */
    @Override
    public void addVary(String token) {
        if (!this.varyBefore || !Vary.contains(super.getHeaders(Vary.HEADER), token)) {
            super.addHeader(Vary.HEADER, token);
        }
    }

    // The application replaces Vary: the decision's tokens are merged with its lines.
    private void replaceVary(List<String> lines) {
        List<String> tokens = Vary.merge(Vary.tokensOf(this.decision, this.request), lines);
        // A public answer adds no token, so the application may remove Vary altogether.
        super.setHeader(Vary.HEADER, tokens.isEmpty() ? null : tokens.get(0));
        for (int i = 1; i < tokens.size(); i++) {
            super.addHeader(Vary.HEADER, tokens.get(i));
        }
    }

    // The application adds a Vary line: each of its tokens that no line lists yet is added, one a line.
    private void appendVary(String line) {
        for (String token : Vary.missing(super.getHeaders(Vary.HEADER), List.of(line))) {
            super.addHeader(Vary.HEADER, token);
        }
    }
}
