package io.corsboot.web;

/**
 * The headers that a policy governs on a response it covers: its {@code Access-Control-*} headers are the
 * decision's alone, once each, and its {@code Vary} lists the decision's tokens and the application's, one a line,
 * none twice. Each web stack's response drops what the application writes to an {@code Access-Control-*} header, so
 * that a controller or a proxied service can neither widen nor duplicate the policy's answer, and merges what it
 * writes to {@code Vary}.
 *
 * @since 0.1.0
 */
public final class GovernedHeaders {

    private static final String ACCESS_CONTROL = "Access-Control-";

    private GovernedHeaders() {
    }

    /** Whether a policy governs a header: {@code Vary} and every {@code Access-Control-*} header. Allocates nothing. */
    public static boolean isGoverned(String name) {
        return name.regionMatches(true, 0, ACCESS_CONTROL, 0, ACCESS_CONTROL.length())
                || Vary.HEADER.equalsIgnoreCase(name);
    }
}
