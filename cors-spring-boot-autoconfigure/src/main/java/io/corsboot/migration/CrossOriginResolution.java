package io.corsboot.migration;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.method.HandlerMethod;

/**
 * A handler's {@code @CrossOrigin} as a request mapping resolves it, on either stack. Spring resolves it,
 * placeholders and defaults included, in the mapping's protected {@code initCorsConfiguration} and keeps the result
 * in a registry it does not expose: asking the method again is reading Spring's resolution.
 */
final class CrossOriginResolution {

    private final @Nullable Method initCorsConfiguration;

    /**
     * @param mapping the stack's {@code RequestMappingHandlerMapping}
     * @param info the stack's {@code RequestMappingInfo}
     */
    CrossOriginResolution(Class<?> mapping, Class<?> info) {
        this.initCorsConfiguration = ReflectionUtils.findMethod(mapping, "initCorsConfiguration", Object.class,
                Method.class, info);
        if (this.initCorsConfiguration != null) {
            ReflectionUtils.makeAccessible(this.initCorsConfiguration);
        }
    }

    /** The handler's configuration, or null when it has no {@code @CrossOrigin}. */
    @Nullable CorsConfiguration of(Object mapping, Object info, HandlerMethod handler) {
        if (this.initCorsConfiguration == null) {
            return null;
        }
        return (CorsConfiguration) ReflectionUtils.invokeMethod(this.initCorsConfiguration, mapping,
                handler.getBean(), handler.getMethod(), info);
    }

    /** Where the handler is declared: its class and method. */
    static String declaredBy(HandlerMethod handler) {
        return handler.getBeanType().getName() + "#" + handler.getMethod().getName();
    }
}
