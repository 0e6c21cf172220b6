package io.corsboot.servlet;

import java.util.Enumeration;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;

/** A servlet request as the core reads it. */
final class ServletCorsRequest implements CorsRequest {

    // Marks a header not read yet; compared by identity.
    private static final String UNREAD = new String("unread");

    private final HttpServletRequest request;

    // The core reads these up to twice per request (kind, decision, headers); each read searches the request's
    // headers and allocates an enumeration, so each is read once: hand-written because the allocation profile of a
    // preflight showed six enumerations where four are needed.
    private @Nullable String origin = UNREAD;

    private @Nullable String requestMethod = UNREAD;

    private @Nullable String requestHeaders = UNREAD;

    ServletCorsRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return this.request.getMethod();
    }

    @Override
    public @Nullable String header(String name) {
        switch (name) {
            case "Origin":
                if (this.origin == UNREAD) {
                    this.origin = allValues(name);
                }
                return this.origin;
            case "Access-Control-Request-Method":
                if (this.requestMethod == UNREAD) {
                    this.requestMethod = allValues(name);
                }
                return this.requestMethod;
            case "Access-Control-Request-Headers":
                if (this.requestHeaders == UNREAD) {
                    this.requestHeaders = allValues(name);
                }
                return this.requestHeaders;
            default:
                return allValues(name);
        }
    }

    private @Nullable String allValues(String name) {
        Enumeration<String> values = this.request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        StringJoiner joined = new StringJoiner(", ").add(first);
        values.asIterator().forEachRemaining(joined::add);
        return joined.toString();
    }

    @Override
    public String scheme() {
        return this.request.getScheme();
    }

    @Override
    public String host() {
        return this.request.getServerName();
    }

    @Override
    public int port() {
        return this.request.getServerPort();
    }
}
