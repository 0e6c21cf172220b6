package io.corsboot.testing;

import java.util.Map;
import java.util.Set;

/**
 * One request against {@link CorsCases#PROPERTIES} and what must come back. Every consumer (the core decision, the
 * servlet and reactive servers, the endpoint, the benchmarks) runs the same cases and asserts what it can observe.
 *
 * @param name what the case shows, as a sentence
 * @param request the request
 * @param expected the response
 * @param scope where the case can be observed
 * @param leftToSpring whether no CORS configuration applies to the path, neither a policy nor Spring's own, so that
 * on a real server Spring's CORS processing has its say as well: see {@link CorsCases#onServers()}
 */
public record CorsCase(String name, Req request, Resp expected, Scope scope, boolean leftToSpring) {

    /**
     * A request. A header value {@code {self}} stands for the server's own origin.
     *
     * @param method the method
     * @param path the path within the application
     * @param headers request headers, one line each
     */
    public record Req(String method, String path, Map<String, String> headers) {
    }

    /**
     * The expected response.
     *
     * @param status the status
     * @param headers response headers that must be present exactly once with exactly this value; {@code Vary} is
     * compared as the tokens of all its lines, in order, joined with {@code ", "}
     * @param absent response headers that must not be present
     * @param handlerCalled whether the application's handler ran
     */
    public record Resp(int status, Map<String, String> headers, Set<String> absent, boolean handlerCalled) {
    }

    /** Where a case can be observed. */
    public enum Scope {

        /** Everywhere: the decision alone determines the outcome. */
        ALL,

        /** Wherever a filter runs in front of {@link CaseHandler}: the outcome depends on what the handler writes. */
        FILTER,

        /** Only on a real server: the outcome depends on the handler, the error page or another CORS processor. */
        SERVER
    }

    /** The server's own origin, as a placeholder in request header values. */
    public static final String SELF = TestRequest.SELF_PLACEHOLDER;

    @Override
    public String toString() {
        return this.name;
    }
}
