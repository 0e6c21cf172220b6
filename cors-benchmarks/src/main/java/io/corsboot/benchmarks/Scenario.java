package io.corsboot.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The requests every configuration is measured with. */
public enum Scenario {

    /** A preflight for {@code PUT} with two request headers, from the allowed origin. */
    ALLOWED_PREFLIGHT,

    /** A {@code GET} from the allowed origin. */
    ALLOWED_ACTUAL,

    /** A {@code GET} from an origin that no configuration allows. */
    REJECTED_ORIGIN,

    /** A {@code GET} without {@code Origin}. */
    NON_CORS;

    String method() {
        return (this == ALLOWED_PREFLIGHT) ? "OPTIONS" : "GET";
    }

    /** The request headers, spelled as Chromium sends them. */
    Map<String, String> headers(PolicySet policies) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (this) {
            case ALLOWED_PREFLIGHT -> {
                headers.put("Origin", policies.allowedOrigin());
                headers.put("Access-Control-Request-Method", "PUT");
                headers.put("Access-Control-Request-Headers", "authorization,content-type");
            }
            case ALLOWED_ACTUAL -> headers.put("Origin", policies.allowedOrigin());
            case REJECTED_ORIGIN -> headers.put("Origin", PolicySet.REJECTED_ORIGIN);
            case NON_CORS -> {
            }
        }
        headers.put("Accept", "application/json");
        return headers;
    }

    /**
     * Throws unless a filter answered this request as both CORS filters must: a comparison of filters that do
     * different work means nothing.
     * @param filter the filter's name, for the message
     * @param policies the configuration the filter was given
     * @param status the status the filter answered with
     * @param handlerCalls how many times the request reached the application
     * @param allowed whether the response carries {@code Access-Control-Allow-Origin}
     */
    void check(String filter, PolicySet policies, int status, int handlerCalls, boolean allowed) {
        if (status != status() || (handlerCalls == 1) != reachesHandler() || allowed != allowed()) {
            throw new IllegalStateException(filter + " filter answered " + status + ", " + handlerCalls
                    + " handler calls, allowed " + allowed + " for " + this + " with " + policies);
        }
    }

    /** The status both CORS filters answer with. */
    private int status() {
        return (this == REJECTED_ORIGIN) ? 403 : 200;
    }

    /** Whether the request goes on to the application. */
    private boolean reachesHandler() {
        return this == ALLOWED_ACTUAL || this == NON_CORS;
    }

    /** Whether the response carries {@code Access-Control-Allow-Origin}. */
    private boolean allowed() {
        return this == ALLOWED_PREFLIGHT || this == ALLOWED_ACTUAL;
    }
}
