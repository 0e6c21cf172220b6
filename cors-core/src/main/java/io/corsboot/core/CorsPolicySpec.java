package io.corsboot.core;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One named policy as configured, with defaults already applied: raw values, not yet validated.
 *
 * @param name the policy's name, as in logs, metrics and the endpoint
 * @param paths path patterns in {@code PathPattern} syntax (empty for a candidate, which uses its policy's)
 * @param hosts host names or {@code *.} patterns the policy is limited to, empty for every host (and for a candidate,
 * which uses its policy's)
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
public record CorsPolicySpec(String name, Setting<List<String>> paths, Setting<List<String>> hosts,
        Setting<List<String>> allowedOrigins,
        Setting<List<String>> allowedOriginPatterns, Setting<List<String>> allowedMethods,
        Setting<List<String>> allowedHeaders, Setting<List<String>> exposedHeaders, Setting<Boolean> allowCredentials,
        Setting<Boolean> allowPrivateNetwork, Setting<Duration> maxAge, @Nullable CorsPolicySpec candidate) {

    /**
     * Builds a spec from each of its {@link PolicySetting settings}.
     * @param name the policy's name
     * @param paths the path patterns
     * @param hosts the host names and patterns
     * @param settings each setting
     * @param candidate the candidate, or null
     * @return the spec
     * @throws IllegalArgumentException when a setting is missing or holds a value of another type
     */
    public static CorsPolicySpec of(String name, Setting<List<String>> paths, Setting<List<String>> hosts,
            Function<PolicySetting, Setting<?>> settings, @Nullable CorsPolicySpec candidate) {
        return new CorsPolicySpec(name, paths, hosts, typed(name, settings, PolicySetting.ALLOWED_ORIGINS, List.class),
                typed(name, settings, PolicySetting.ALLOWED_ORIGIN_PATTERNS, List.class),
                typed(name, settings, PolicySetting.ALLOWED_METHODS, List.class),
                typed(name, settings, PolicySetting.ALLOWED_HEADERS, List.class),
                typed(name, settings, PolicySetting.EXPOSED_HEADERS, List.class),
                typed(name, settings, PolicySetting.ALLOW_CREDENTIALS, Boolean.class),
                typed(name, settings, PolicySetting.ALLOW_PRIVATE_NETWORK, Boolean.class),
                typed(name, settings, PolicySetting.MAX_AGE, Duration.class), candidate);
    }

    /** One setting, whichever it is. */
    public Setting<?> setting(PolicySetting setting) {
        return switch (setting) {
            case ALLOWED_ORIGINS -> this.allowedOrigins;
            case ALLOWED_ORIGIN_PATTERNS -> this.allowedOriginPatterns;
            case ALLOWED_METHODS -> this.allowedMethods;
            case ALLOWED_HEADERS -> this.allowedHeaders;
            case EXPOSED_HEADERS -> this.exposedHeaders;
            case ALLOW_CREDENTIALS -> this.allowCredentials;
            case ALLOW_PRIVATE_NETWORK -> this.allowPrivateNetwork;
            case MAX_AGE -> this.maxAge;
        };
    }

    /** This spec with another candidate. */
    public CorsPolicySpec withCandidate(@Nullable CorsPolicySpec candidate) {
        return new CorsPolicySpec(this.name, this.paths, this.hosts, this.allowedOrigins, this.allowedOriginPatterns,
                this.allowedMethods, this.allowedHeaders, this.exposedHeaders, this.allowCredentials,
                this.allowPrivateNetwork, this.maxAge, candidate);
    }

    // Erasure leaves a list's element type unchecked; the settings come from typed properties.
    @SuppressWarnings("unchecked")
    private static <T> Setting<T> typed(String name, Function<PolicySetting, Setting<?>> settings,
            PolicySetting setting, Class<?> type) {
        Setting<?> value = settings.apply(setting);
        if (value == null || !type.isInstance(value.value())) {
            throw new IllegalArgumentException("Setting " + setting.key() + " of policy '" + name + "' must hold a "
                    + type.getSimpleName() + ", not " + value);
        }
        return (Setting<T>) value;
    }
}
