package io.corsboot.sample.playground;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Records the playground's probes in the {@link RequestLog} on Spring MVC. */
final class RequestLogServletFilter extends OncePerRequestFilter {

    private final RequestLog log;

    RequestLogServletFilter(RequestLog log) {
        this.log = log;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        this.log.record(request.getMethod(), request.getRequestURI(), request.getQueryString(), request::getHeader);
        chain.doFilter(request, response);
    }
}
