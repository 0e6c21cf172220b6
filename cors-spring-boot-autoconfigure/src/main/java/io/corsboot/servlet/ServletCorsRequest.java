package io.corsboot.servlet;

import java.util.Enumeration;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;

/** A servlet request as the core reads it. */
final class ServletCorsRequest implements CorsRequest {

    private final HttpServletRequest request;

    private @Nullable String origin;

    private boolean originRead;

    ServletCorsRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return this.request.getMethod();
    }

    @Override
    public @Nullable String header(String name) {
        // Origin is read several times per request (kind, decision, headers): join its lines once.
        if ("Origin".equals(name)) {
            if (!this.originRead) {
                this.origin = allValues(name);
                this.originRead = true;
            }
            return this.origin;
        }
        return allValues(name);
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
