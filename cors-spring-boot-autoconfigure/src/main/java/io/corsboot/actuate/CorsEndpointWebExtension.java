package io.corsboot.actuate;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.corsboot.actuate.CorsEndpoint.CheckParameters;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} of the {@link CorsEndpoint} for servlet applications: its
 * {@code check} knows the origin its request arrived on, and answers bad parameters with a 400 that says what is
 * wrong.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = CorsEndpoint.class)
public class CorsEndpointWebExtension {

    private final CorsEndpoint endpoint;

    public CorsEndpointWebExtension(CorsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Served at {@code /actuator/cors/check}, as {@link CorsEndpoint#check}, and at {@code /actuator/cors/migration},
     * which answers {@link CorsEndpoint#migration}; any other selector value answers 404.
     * @param operation {@code check} or {@code migration}
     * @param path the request's path within the application
     * @param origin the {@code Origin}, or null for a request that is not cross-origin
     * @param method the method, {@code GET} when null
     * @param headers comma-separated names of the request headers a script sets
     * @param contentType the request's {@code Content-Type}
     * @param privateNetwork {@code true} when the browser asks for private network access
     * @param host the host the request is sent to, without its port; the one the check request arrived on when null
     * @return how the request would be handled, or the migration report
     */
    // Optional parameters carry Spring's @Nullable, the mark Spring Boot 3.5's Actuator reads, beside JSpecify's,
    // which Spring Boot 4 reads
    @SuppressWarnings("deprecation")
    @ReadOperation
    public WebEndpointResponse<OperationResponseBody> check(@Selector String operation,
            @org.springframework.lang.Nullable @Nullable String path,
            @org.springframework.lang.Nullable @Nullable String origin,
            @org.springframework.lang.Nullable @Nullable String method,
            @org.springframework.lang.Nullable @Nullable String headers,
            @org.springframework.lang.Nullable @Nullable String contentType,
            @org.springframework.lang.Nullable @Nullable String privateNetwork,
            @org.springframework.lang.Nullable @Nullable String host) {
        return CheckResponses.evaluate(this.endpoint, operation,
                new CheckParameters(path, origin, method, headers, contentType, privateNetwork,
                host), arrival());
    }

    // Boot's endpoint infrastructure passes an operation its query parameters and nothing of the request. A servlet
    // stack runs the operation on the request's thread, where the dispatcher servlet has bound the request, after
    // forwarded headers were applied as for the CORS filter.
    private static @Nullable ArrivalOrigin arrival() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        HttpServletRequest request = servlet.getRequest();
        return new ArrivalOrigin(request.getScheme(), request.getServerName(), request.getServerPort());
    }
}
