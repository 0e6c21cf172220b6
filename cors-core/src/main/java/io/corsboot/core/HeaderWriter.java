package io.corsboot.core;

/**
 * Writes the response headers a {@link Decision} calls for: {@code Vary} on every request a policy covers, the
 * {@code Access-Control-*} headers of an allowed cross-origin request, and the reason of a rejected one; on a public
 * policy's {@code GET} and {@code HEAD}, {@code Access-Control-Allow-Origin: *} whatever the {@code Origin}, and no
 * {@code Vary}. Reads the
 * request again for what it echoes, and allocates nothing.
 *
 * @since 0.1.0
 */
public final class HeaderWriter {

    private HeaderWriter() {
    }

    /**
     * Writes the headers of a decision; a decision without a policy calls for none.
     * @param decision the decision
     * @param request the request it was made for
     * @param out the response headers
     */
    public static void write(Decision decision, CorsRequest request, ResponseHeaders out) {
        CompiledPolicy policy = decision.policy();
        if (policy == null) {
            return;
        }
        if (policy.answersAlike(decision.kind(), request)) {
            // One answer for every Origin and none, without Vary: Origin, so that a shared cache keeps one copy.
            out.write(CorsHeaders.ALLOW_ORIGIN, "*");
            writeExposeHeaders(policy, out);
            return;
        }
        boolean preflight = decision.kind() == Decision.Kind.PREFLIGHT;
        out.addVary(CorsHeaders.ORIGIN);
        if (preflight) {
            out.addVary(CorsHeaders.REQUEST_METHOD);
            out.addVary(CorsHeaders.REQUEST_HEADERS);
            if (policy.allowsPrivateNetwork()) {
                out.addVary(CorsHeaders.REQUEST_PRIVATE_NETWORK);
            }
        }
        if (!decision.allowed()) {
            if (decision.isCrossOriginVerdict()) {
                out.write(CorsHeaders.REJECTION_REASON, decision.reason().name());
            }
            return;
        }
        out.write(CorsHeaders.ALLOW_ORIGIN, policy.answersAnyOrigin() ? "*" : request.header(CorsHeaders.ORIGIN));
        if (policy.allowsCredentials()) {
            out.write(CorsHeaders.ALLOW_CREDENTIALS, "true");
        }
        if (preflight) {
            String allowMethods = policy.allowMethods();
            out.write(CorsHeaders.ALLOW_METHODS,
                    (allowMethods != null) ? allowMethods : request.header(CorsHeaders.REQUEST_METHOD));
            String requestHeaders = request.header(CorsHeaders.REQUEST_HEADERS);
            // The decision scanned the list already, so any token character means a name: a second full scan
            // would double the header work of every preflight.
            if (requestHeaders != null && hasTokenChar(requestHeaders)) {
                // Echoing is safe: the scan accepted only header-name tokens, commas and a little whitespace.
                String allowHeaders = policy.allowHeaders();
                out.write(CorsHeaders.ALLOW_HEADERS, (allowHeaders != null) ? allowHeaders : requestHeaders);
            }
            out.write(CorsHeaders.MAX_AGE, policy.maxAge());
            if (policy.allowsPrivateNetwork() && "true".equals(request.header(CorsHeaders.REQUEST_PRIVATE_NETWORK))) {
                out.write(CorsHeaders.ALLOW_PRIVATE_NETWORK, "true");
            }
        }
        else {
            writeExposeHeaders(policy, out);
        }
    }

    private static void writeExposeHeaders(CompiledPolicy policy, ResponseHeaders out) {
        String exposeHeaders = policy.exposeHeaders();
        if (exposeHeaders != null) {
            out.write(CorsHeaders.EXPOSE_HEADERS, exposeHeaders);
        }
    }

    private static boolean hasTokenChar(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Tokens.isTokenChar(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
