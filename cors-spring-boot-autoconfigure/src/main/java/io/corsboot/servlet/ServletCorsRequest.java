package io.corsboot.servlet;

import java.util.Enumeration;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.corsboot.web.DecidedRequest;

/** A servlet request as the core reads it. */
final class ServletCorsRequest extends DecidedRequest {

    private final HttpServletRequest request;

    ServletCorsRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return this.request.getMethod();
    }

    // An absent header is told by getHeader, without the enumeration that Tomcat allocates for getHeaders even then.
    @Override
    protected @Nullable String readHeader(String name) {
        if (this.request.getHeader(name) == null) {
            return null;
        }
        Enumeration<String> values = this.request.getHeaders(name);
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
