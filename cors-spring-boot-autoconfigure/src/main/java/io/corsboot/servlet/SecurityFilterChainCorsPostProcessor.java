package io.corsboot.servlet;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.CorsFilter;

import io.corsboot.web.CorsAttributes;

/**
 * {@link BeanPostProcessor} that puts, in every Spring Security filter chain, a filter that leaves the paths a policy
 * covers to the policy in front of the {@link CorsFilter} that {@code http.cors(...)} adds. The {@code CorsFilter}
 * itself, and any processor the application gave it, stays as it is for every other path.
 *
 * @since 0.1.0
 */
public final class SecurityFilterChainCorsPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private @Nullable BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof SecurityFilterChain chain) || !hasCorsFilter(chain.getFilters())) {
            return bean;
        }
        // A DefaultSecurityFilterChain is rebuilt rather than wrapped: Spring Security checks the request matchers
        // of chains of that class, such as an any-request chain declared before others.
        if (chain instanceof DefaultSecurityFilterChain defaultChain) {
            DefaultSecurityFilterChain deferring = new DefaultSecurityFilterChain(defaultChain.getRequestMatcher(),
                    deferring(defaultChain.getFilters()));
            deferring.setBeanName(beanName);
            if (this.beanFactory != null) {
                deferring.setBeanFactory(this.beanFactory);
            }
            return deferring;
        }
        return new DeferringSecurityFilterChain(chain);
    }

    private static boolean hasCorsFilter(List<Filter> filters) {
        return filters.stream().anyMatch(CorsFilter.class::isInstance);
    }

    private static List<Filter> deferring(List<Filter> filters) {
        return filters.stream()
            .map((filter) -> (filter instanceof CorsFilter cors) ? new DeferringCorsFilter(cors) : filter)
            .toList();
    }

    /** A filter chain of the application's own class whose CORS filters skip the requests a policy covers. */
    private static final class DeferringSecurityFilterChain implements SecurityFilterChain {

        private final SecurityFilterChain chain;

        DeferringSecurityFilterChain(SecurityFilterChain chain) {
            this.chain = chain;
        }

        @Override
        public boolean matches(HttpServletRequest request) {
            return this.chain.matches(request);
        }

        @Override
        public List<Filter> getFilters() {
            // Mapped on every call rather than once: a chain of the application's own class may compute its
            // filters per request.
            return deferring(this.chain.getFilters());
        }
    }

    /** A {@link CorsFilter} that only runs on requests that no policy covers. */
    private static final class DeferringCorsFilter implements Filter {

        private final CorsFilter filter;

        DeferringCorsFilter(CorsFilter filter) {
            this.filter = filter;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request.getAttribute(CorsAttributes.DECISION) == null) {
                this.filter.doFilter(request, response, chain);
                return;
            }
            // The policy has decided. On a request's first dispatch, a CorsFilter whose processor accepts ends a
            // preflight and passes anything else on; on later dispatches it passes everything on. So does this
            // filter, whatever the CorsFilter's own processor would say.
            boolean preflight = request.getDispatcherType() == DispatcherType.REQUEST
                    && request instanceof HttpServletRequest http && CorsUtils.isPreFlightRequest(http);
            if (!preflight) {
                chain.doFilter(request, response);
            }
        }

        @Override
        public String toString() {
            return "DeferringCorsFilter for " + this.filter;
        }
    }
}
