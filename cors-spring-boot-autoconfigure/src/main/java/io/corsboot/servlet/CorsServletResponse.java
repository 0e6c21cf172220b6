package io.corsboot.servlet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.web.CoveredResponseHeaders;

/**
 * The response of a request a policy covers: the application may set {@code Vary}, write {@code Access-Control-*}
 * headers or reset the response, and the decision's headers stay as {@link CoveredResponseHeaders} says.
 */
final class CorsServletResponse extends HttpServletResponseWrapper implements CoveredResponseHeaders.Target {

    private final CoveredResponseHeaders headers;

    CorsServletResponse(HttpServletResponse response, Decision decision, CorsRequest request) {
        super(response);
        this.headers = new CoveredResponseHeaders(decision, request, this);
        this.headers.write();
    }

    @Override
    public void setHeader(String name, @Nullable String value) {
        if (CoveredResponseHeaders.governs(name)) {
            this.headers.applicationSets(name, value);
        }
        else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, @Nullable String value) {
        if (CoveredResponseHeaders.governs(name)) {
            this.headers.applicationAdds(name, value);
        }
        else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (CoveredResponseHeaders.governs(name)) {
            this.headers.applicationSets(name, Integer.toString(value));
        }
        else {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (CoveredResponseHeaders.governs(name)) {
            this.headers.applicationAdds(name, Integer.toString(value));
        }
        else {
            super.addIntHeader(name, value);
        }
    }

    // A date is never a value of Vary or of a CORS header: a governed header written as one is dropped.
    @Override
    public void setDateHeader(String name, long date) {
        if (!CoveredResponseHeaders.governs(name)) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!CoveredResponseHeaders.governs(name)) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public void reset() {
        super.reset();
        this.headers.write();
    }


    @Override
    public boolean has(String name) {
        return super.containsHeader(name);
    }

    @Override
    public Iterable<String> lines(String name) {
        return super.getHeaders(name);
    }

    @Override
    public void replace(String name, String value) {
        super.setHeader(name, value);
    }

    @Override
    public void append(String name, String value) {
        super.addHeader(name, value);
    }
}
