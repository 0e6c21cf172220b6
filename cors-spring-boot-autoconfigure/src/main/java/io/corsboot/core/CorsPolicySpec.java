package io.corsboot.core;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One named policy as configured, with defaults already applied: raw values, not yet validated.
 *
 * @param name the policy's name, as in logs, metrics and the endpoint
 * @param paths path patterns in {@code PathPattern} syntax (empty for a candidate, which uses its policy's)
 * @param allowedOrigins exact origins, {@code "null"} or {@code "*"}
 * @param allowedOriginPatterns origin patterns with {@code *} host labels and port lists
 * @param allowedMethods method tokens or {@code "*"}
 * @param allowedHeaders header names or {@code "*"}
 * @param exposedHeaders header names or {@code "*"}
 * @param allowCredentials whether credentials are allowed
 * @param allowPrivateNetwork whether legacy Private Network Access preflights are answered
 * @param maxAge how long browsers may cache a preflight
 * @param candidate the next version of this policy, evaluated but never enforced
 * @since 0.1.0
 */
public record CorsPolicySpec(String name, Setting<List<String>> paths, Setting<List<String>> allowedOrigins,
        Setting<List<String>> allowedOriginPatterns, Setting<List<String>> allowedMethods,
        Setting<List<String>> allowedHeaders, Setting<List<String>> exposedHeaders, Setting<Boolean> allowCredentials,
        Setting<Boolean> allowPrivateNetwork, Setting<Duration> maxAge, @Nullable CorsPolicySpec candidate) {

    /** This spec with another candidate. */
    public CorsPolicySpec withCandidate(@Nullable CorsPolicySpec candidate) {
        return new CorsPolicySpec(this.name, this.paths, this.allowedOrigins, this.allowedOriginPatterns,
                this.allowedMethods, this.allowedHeaders, this.exposedHeaders, this.allowCredentials,
                this.allowPrivateNetwork, this.maxAge, candidate);
    }
}
