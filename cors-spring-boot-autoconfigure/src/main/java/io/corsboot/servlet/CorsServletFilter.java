package io.corsboot.servlet;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.WebUtils;

import io.corsboot.core.Decision;
import io.corsboot.web.CorsAttributes;
import io.corsboot.web.CorsDecider;

/**
 * Servlet {@link Filter} that applies the CORS policies: it answers preflights and rejections itself, and lets every
 * other request through with the headers its policy calls for.
 * <p>
 * It decides once per request, on its first dispatch: the request's decision, in {@link CorsAttributes#DECISION}, is
 * what marks it decided, so a request no policy covers is passed on without a mark of its own, where Spring's
 * {@code OncePerRequestFilter} sets and removes one on every request. On an error dispatch, or the forward of an
 * error page, it writes the request's decision again; every other later dispatch passes. Register it for the
 * {@code REQUEST}, {@code FORWARD} and {@code ERROR} dispatcher types.
 *
 * @since 0.1.0
 */
public class CorsServletFilter implements Filter {

    private final CorsDecider decider;

    public CorsServletFilter(CorsDecider decider) {
        this.decider = decider;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            laterDispatch(request, response, chain);
            return;
        }
        if (request.getAttribute(CorsAttributes.DECISION) != null) {
            chain.doFilter(request, response);
            return;
        }
        ServletCorsRequest corsRequest = decide(request);
        if (corsRequest == null) {
            chain.doFilter(request, response);
            return;
        }
        Decision decision = corsRequest.decision();
        request.setAttribute(CorsAttributes.DECISION, decision);
        ServletCorsResponse corsResponse = new ServletCorsResponse(response, decision, corsRequest);
        if (!decision.answersWithoutHandler()) {
            chain.doFilter(request, corsResponse);
            return;
        }
        response.setStatus(decision.status());
    }

    /**
     * Writes the decision of the request that failed again on its error page, never a new one: the error page's path
     * may be another policy's. Jetty clears {@code Vary} with the other content headers before it dispatches to the
     * error page, and Boot's {@code ErrorPageFilter} forwards to it.
     */
    private static void laterDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(WebUtils.ERROR_REQUEST_URI_ATTRIBUTE) != null
                && request.getAttribute(CorsAttributes.DECISION) instanceof Decision decision) {
            chain.doFilter(request, new ServletCorsResponse(response, decision, new ServletCorsRequest(request)));
            return;
        }
        chain.doFilter(request, response);
    }

    // Decides with the path within the application; null when no policy covers it.
    private @Nullable ServletCorsRequest decide(HttpServletRequest request) {
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
            return this.decider.decide(path.value(), path, request, ServletCorsRequest::new);
        }
        String contextPath = request.getContextPath();
        if (!contextPath.isEmpty()) {
            PathContainer path = RequestPath.parse(request.getRequestURI(), contextPath).pathWithinApplication();
            return this.decider.decide(path.value(), path, request, ServletCorsRequest::new);
        }
        // Without a context path the path within the application is the whole path, routed as it was sent.
        return this.decider.decide(request.getRequestURI(), null, request, ServletCorsRequest::new);
    }
}
