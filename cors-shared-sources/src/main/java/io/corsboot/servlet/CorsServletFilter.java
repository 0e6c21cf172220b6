package io.corsboot.servlet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.WebUtils;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.Decision;
import io.corsboot.web.CorsAttributes;
import io.corsboot.web.CorsDecider;

/**
 * Servlet {@link jakarta.servlet.Filter} that applies the CORS policies: it answers preflights and rejections itself,
 * and lets every other request through with the headers its policy calls for. It decides once per request, not
 * again on error or async dispatches; on an error dispatch it writes the request's decision again.
 *
 * @since 0.1.0
 */
public class CorsServletFilter extends OncePerRequestFilter {

    private final CorsDecider decider;

    // Set on the first request, once the filter's name is known; OncePerRequestFilter builds it anew on each request.
    private @Nullable String alreadyFilteredAttributeName;

    public CorsServletFilter(CorsDecider decider) {
        this.decider = decider;
    }

    /** The name OncePerRequestFilter marks a request with, built once: measured as a string per request. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        String name = this.alreadyFilteredAttributeName;
        if (name == null) {
            name = super.getAlreadyFilteredAttributeName();
            this.alreadyFilteredAttributeName = name;
        }
        return name;
    }

    /**
     * Runs on error dispatches too, to write the decision's headers again: Jetty clears {@code Vary} with the other
     * content headers before it dispatches to the error page.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The test OncePerRequestFilter makes of an error dispatch; a forward to an error page passes it too.
        if (request.getAttribute(WebUtils.ERROR_REQUEST_URI_ATTRIBUTE) != null) {
            rewriteDecision(request, response, chain);
            return;
        }
        PathContainer path = coverablePath(request);
        CompiledPolicy policy = (path != null) ? this.decider.policyFor(path) : null;
        if (policy == null) {
            chain.doFilter(request, response);
            return;
        }
        ServletCorsRequest corsRequest = new ServletCorsRequest(request);
        Decision decision = this.decider.process(policy, corsRequest);
        request.setAttribute(CorsAttributes.DECISION, decision);
        CorsServletResponse corsResponse = new CorsServletResponse(response, decision, corsRequest);
        if (!decision.answersWithoutHandler()) {
            chain.doFilter(request, corsResponse);
            return;
        }
        response.setStatus(decision.status());
    }

    // The decision of the request that failed, never a new one: the error page's path may be another policy's.
    private static void rewriteDecision(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CorsAttributes.DECISION) instanceof Decision decision) {
            chain.doFilter(request, new CorsServletResponse(response, decision, new ServletCorsRequest(request)));
            return;
        }
        chain.doFilter(request, response);
    }

    // The path within the application, or null when no policy can cover it.
    private @Nullable PathContainer coverablePath(HttpServletRequest request) {
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        }
        String contextPath = request.getContextPath();
        if (!contextPath.isEmpty()) {
            return RequestPath.parse(request.getRequestURI(), contextPath).pathWithinApplication();
        }
        // Without a context path the path within the application is the whole path, parsed directly:
        // RequestPath.parse adds an object per request around the same parse.
        String path = request.getRequestURI();
        return this.decider.mayCover(path) ? PathContainer.parsePath(path) : null;
    }
}
