package io.corsboot.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.HeaderWriter;
import io.corsboot.core.ResponseHeaders;

/**
 * The headers of a response that a policy covers: its {@code Access-Control-*} headers are the decision's alone,
 * once each, and its {@code Vary} lists the decision's tokens and the application's, one a line, none twice. What
 * the application writes to a governed header goes through {@link #applicationSets} or {@link #applicationAdds},
 * which drop any {@code Access-Control-*} header, so that a controller or a proxied service can neither widen nor
 * duplicate the policy's answer.
 * <p>
 * Each web stack applies it over its own response, which it reaches through a {@link Target}.
 *
 * @since 0.1.0
 */
public final class CoveredResponseHeaders implements ResponseHeaders {

    private static final String ACCESS_CONTROL = "Access-Control-";

    private final Decision decision;

    private final CorsRequest request;

    private final Target target;

    // Whether Vary lines were there before the decision's: only then are they read back before adding a token.
    // Hand-written because reading them back copies them into a list on both stacks.
    private boolean varyBefore;

    public CoveredResponseHeaders(Decision decision, CorsRequest request, Target target) {
        this.decision = decision;
        this.request = request;
        this.target = target;
    }

    /**
     * Whether a header is one whose writes by the application go through this class: {@code Vary} and every
     * {@code Access-Control-*} header. Every other header is the application's alone. Allocates nothing.
     */
    public static boolean governs(String name) {
        return name.regionMatches(true, 0, ACCESS_CONTROL, 0, ACCESS_CONTROL.length())
                || Vary.HEADER.equalsIgnoreCase(name);
    }

    /**
     * Writes the decision's headers: when the filter decides, and again when the application has cleared the
     * response.
     */
    public void write() {
        this.varyBefore = this.target.has(Vary.HEADER);
        HeaderWriter.write(this.decision, this.request, this);
    }

    /** The application sets a governed header to one value, or removes it with null: see {@link #applicationSets}. */
    public void applicationSets(String name, @Nullable String value) {
        applicationSets(name, (value != null) ? List.of(value) : List.of());
    }

    /**
     * The application sets a governed header to these lines, replacing it: an {@code Access-Control-*} header is
     * left as the decision wrote it, and {@code Vary} becomes the decision's tokens merged with the lines'.
     */
    public void applicationSets(String name, List<String> lines) {
        if (!Vary.HEADER.equalsIgnoreCase(name)) {
            return;
        }
        List<String> tokens = Vary.merge(Vary.tokensOf(this.decision, this.request), lines);
        this.target.replace(Vary.HEADER, tokens.get(0));
        for (int i = 1; i < tokens.size(); i++) {
            this.target.append(Vary.HEADER, tokens.get(i));
        }
    }

    /** The application adds a line to a governed header, or nothing with null: see {@link #applicationAdds}. */
    public void applicationAdds(String name, @Nullable String value) {
        if (value != null) {
            applicationAdds(name, List.of(value));
        }
    }

    /**
     * The application adds lines to a governed header: an {@code Access-Control-*} header is left as the decision
     * wrote it, and each token of a {@code Vary} line that no line lists yet is added, one a line.
     */
    public void applicationAdds(String name, List<String> lines) {
        if (!Vary.HEADER.equalsIgnoreCase(name)) {
            return;
        }
        for (String token : Vary.tokens(lines)) {
            if (!Vary.contains(this.target.lines(Vary.HEADER), token)) {
                this.target.append(Vary.HEADER, token);
            }
        }
    }

    /** Called by the decision alone, from {@link #write()}. */
    @Override
    public void set(String name, String value) {
        this.target.replace(name, value);
    }

    /** Called by the decision alone, from {@link #write()}, which names each token once. */
    @Override
    public void addVary(String token) {
        if (!this.varyBefore || !Vary.contains(this.target.lines(Vary.HEADER), token)) {
            this.target.append(Vary.HEADER, token);
        }
    }

    /** A response's headers as they are, written without this class's rules; each web stack implements it. */
    public interface Target {

        /** Whether the response has the header. */
        boolean has(String name);

        /** The header's lines, empty when it is absent. */
        Iterable<String> lines(String name);

        /** Sets the header to one line, replacing any it had. */
        void replace(String name, String value);

        /** Adds a line to the header. */
        void append(String name, String value);
    }
}
