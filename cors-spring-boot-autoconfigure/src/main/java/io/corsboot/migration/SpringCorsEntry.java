package io.corsboot.migration;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;

/**
 * One CORS configuration that Spring applies without the starter: what declares it, where, on which paths, and the
 * {@link CorsConfiguration} Spring resolved from it.
 *
 * @param kind what kind of declaration it is
 * @param declaredBy where it is declared: a class and method ({@code com.example.OrderController#orders}), a bean
 * ({@code bean corsConfigurationSource}) or a property prefix ({@code management.endpoints.web.cors})
 * @param paths the path patterns it applies to, in {@code PathPattern} syntax, within the application; empty when
 * Spring does not tell them
 * @param configuration the configuration as Spring resolved it, or null when Spring does not expose it
 * @param unreadable why the configuration cannot be read and what to do instead, or null when it was read
 * @since 0.1.0
 */
public record SpringCorsEntry(Kind kind, String declaredBy, List<String> paths,
        @Nullable CorsConfiguration configuration, @Nullable String unreadable) {

    public SpringCorsEntry {
        paths = List.copyOf(paths);
        if ((configuration == null) == (unreadable == null)) {
            throw new IllegalArgumentException("An entry has either a configuration or the reason it has none");
        }
    }

    /**
     * An entry whose configuration Spring exposes.
     * @param kind what kind of declaration it is
     * @param declaredBy where it is declared
     * @param paths the path patterns it applies to
     * @param configuration the configuration as Spring resolved it
     * @return the entry
     */
    public static SpringCorsEntry of(Kind kind, String declaredBy, List<String> paths,
            CorsConfiguration configuration) {
        return new SpringCorsEntry(kind, declaredBy, paths, configuration, null);
    }

    /**
     * An entry whose configuration Spring does not expose.
     * @param kind what kind of declaration it is
     * @param declaredBy where it is declared
     * @param paths the path patterns it applies to, when known
     * @param unreadable why the configuration cannot be read and what to do instead, as a sentence
     * @return the entry
     */
    public static SpringCorsEntry unreadable(Kind kind, String declaredBy, List<String> paths, String unreadable) {
        return new SpringCorsEntry(kind, declaredBy, paths, null, unreadable);
    }

    /**
     * What declares a CORS configuration. The names are part of the endpoint's JSON; a new source adds its own
     * constant.
     */
    public enum Kind {

        /** {@code @CrossOrigin} on a controller class or handler method, as Spring merged them for one handler. */
        CROSS_ORIGIN,

        /** A mapping of {@code addCorsMappings} in a {@code WebMvcConfigurer} or {@code WebFluxConfigurer}. */
        CORS_MAPPING,

        /** A {@code CorsConfigurationSource} bean, such as the one Spring Security's {@code cors()} uses. */
        CORS_CONFIGURATION_SOURCE,

        /** A {@code CorsFilter} or {@code CorsWebFilter} bean, or one in a Spring Security filter chain. */
        CORS_FILTER,

        /** Actuator's own, {@code management.endpoints.web.cors.*}. */
        ACTUATOR,

        /** Spring Cloud Gateway's {@code globalcors} properties (Server WebFlux), for one path. */
        GATEWAY_GLOBAL_CORS,

        /** The {@code cors} metadata of a Spring Cloud Gateway route (Server WebFlux). */
        GATEWAY_ROUTE_CORS
    }
}
