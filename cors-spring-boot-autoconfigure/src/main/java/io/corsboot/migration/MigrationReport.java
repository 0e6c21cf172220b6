package io.corsboot.migration;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;

import io.corsboot.migration.SpringCorsEntry.Kind;

/**
 * What it takes to move an application's Spring CORS configurations to policies: each configuration, which policy
 * shadows it where, its {@code cors.*} YAML and what does not carry over, and one {@code cors:} block for them all.
 *
 * @param shadowed how many configurations a policy shadows on some of their paths
 * @param configurations each Spring CORS configuration, in the order of its sources
 * @param yaml one {@code cors:} block with a policy per configuration that carries over, ready to paste; empty when
 * there is none
 * @since 0.1.0
 */
@JsonInclude(Include.ALWAYS)
public record MigrationReport(int shadowed, List<ConfigurationReport> configurations, String yaml) {

    /**
     * One Spring CORS configuration, and how it carries over.
     *
     * @param kind what kind of declaration it is
     * @param declaredBy where it is declared
     * @param paths the path patterns it applies to
     * @param settings its settings as Spring resolved them, or null when Spring does not expose them
     * @param shadowedBy the policies that decide on some of its paths, where Spring's configuration no longer counts
     * @param policy the name of the policy that carries it over in {@link MigrationReport#yaml}, or null when none
     * can
     * @param yaml that policy alone, under {@code cors.policies}, or null
     * @param notCarriedOver what the policy cannot carry over, and why
     * @param unreadable why Spring's configuration cannot be read and what to do instead, or null
     */
    @JsonInclude(Include.ALWAYS)
    public record ConfigurationReport(Kind kind, String declaredBy, List<String> paths,
            @Nullable SpringSettings settings, List<Shadow> shadowedBy, @Nullable String policy,
            @Nullable String yaml, List<NotCarriedOver> notCarriedOver, @Nullable String unreadable) {
    }

    /**
     * A {@link CorsConfiguration} as Spring resolved it, in the starter's terms.
     *
     * @param allowedOrigins exact origins, or {@code "*"}
     * @param allowedOriginPatterns origin patterns
     * @param allowedMethods methods, or {@code "*"}
     * @param allowedHeaders request headers, or {@code "*"}
     * @param exposedHeaders response headers scripts may read
     * @param allowCredentials whether credentials are allowed, null when unset
     * @param allowPrivateNetwork whether private network preflights are granted, null when unset
     * @param maxAgeSeconds how long browsers may cache a preflight, null when unset
     */
    @JsonInclude(Include.ALWAYS)
    public record SpringSettings(List<String> allowedOrigins, List<String> allowedOriginPatterns,
            List<String> allowedMethods, List<String> allowedHeaders, List<String> exposedHeaders,
            @Nullable Boolean allowCredentials, @Nullable Boolean allowPrivateNetwork, @Nullable Long maxAgeSeconds) {

        static SpringSettings of(CorsConfiguration configuration) {
            Long maxAge = configuration.getMaxAge();
            return new SpringSettings(listed(configuration.getAllowedOrigins()),
                    listed(configuration.getAllowedOriginPatterns()), listed(configuration.getAllowedMethods()),
                    listed(configuration.getAllowedHeaders()), listed(configuration.getExposedHeaders()),
                    configuration.getAllowCredentials(), configuration.getAllowPrivateNetwork(),
                    maxAge);
        }

        private static List<String> listed(@Nullable List<String> values) {
            return (values != null) ? List.copyOf(values) : List.of();
        }
    }

    /**
     * A policy that decides on some of a configuration's paths.
     *
     * @param policy the policy's name
     * @param paths the path patterns on which it decides instead of Spring's configuration: the narrower of its own
     * pattern and the configuration's
     */
    public record Shadow(String policy, List<String> paths) {
    }

    /**
     * A value the policy leaves out, or a way it answers differently.
     *
     * @param property the property that would hold it, such as {@code cors.policies.orders.allowed-origins[0]}
     * @param value the value, or null
     * @param reason why, in the words of the starter's startup message where it would refuse the value
     */
    @JsonInclude(Include.ALWAYS)
    public record NotCarriedOver(String property, @Nullable String value, String reason) {
    }
}
