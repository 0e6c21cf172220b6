package io.corsboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.corsboot.autoconfigure.CorsProperties.Policy;
import io.corsboot.autoconfigure.CorsProperties.PolicySettings;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.Setting;

/**
 * Turns bound properties into policy specs: each value taken from the policy, else from {@code cors.defaults},
 * else from the built-in defaults, and remembered with the property it came from.
 */
final class PolicySpecs {

    static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST");

    static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(30);

    private static final String DEFAULTS = "cors.defaults";

    private PolicySpecs() {
    }

    static List<CorsPolicySpec> from(CorsProperties properties) {
        List<CorsPolicySpec> specs = new ArrayList<>();
        for (Map.Entry<String, Policy> entry : properties.getPolicies().entrySet()) {
            String prefix = "cors.policies." + entry.getKey();
            Policy policy = entry.getValue();
            Resolver resolver = new Resolver(prefix, policy, DEFAULTS, properties.getDefaults());
            CorsPolicySpec spec = resolver.spec(entry.getKey(),
                    new Setting<>(orEmpty(policy.getPaths()), prefix + ".paths"), null);
            PolicySettings candidate = policy.getCandidate();
            if (candidate != null) {
                Resolver candidateResolver = new Resolver(prefix + ".candidate", candidate, spec);
                spec = spec.withCandidate(candidateResolver.spec(entry.getKey(),
                        new Setting<>(List.of(), spec.paths().property()), null));
            }
            specs.add(spec);
        }
        return specs;
    }

    /** {@code cors.defaults} alone, as a policy without paths, so that it can be validated on its own. */
    static CorsPolicySpec defaults(CorsProperties properties) {
        Resolver resolver = new Resolver(DEFAULTS, properties.getDefaults(), DEFAULTS, new PolicySettings());
        return resolver.spec("defaults", new Setting<>(List.of(), DEFAULTS + ".paths"), null);
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return (values != null) ? List.copyOf(values) : List.of();
    }

    /** Resolves each setting from the most specific source that sets it. */
    private static final class Resolver {

        private final String prefix;

        private final PolicySettings settings;

        private final Function<String, Setting<?>> inherited;

        /** A policy: inherits from the defaults, then from the built-in values. */
        Resolver(String prefix, PolicySettings settings, String defaultsPrefix, PolicySettings defaults) {
            this.prefix = prefix;
            this.settings = settings;
            this.inherited = (field) -> {
                Object value = read(defaults, field);
                return (value != null) ? new Setting<>(value, defaultsPrefix + "." + field)
                        : new Setting<>(builtIn(field), prefix + "." + field);
            };
        }

        /** A candidate: inherits from its policy. */
        Resolver(String prefix, PolicySettings settings, CorsPolicySpec policy) {
            this.prefix = prefix;
            this.settings = settings;
            this.inherited = (field) -> switch (field) {
                case "allowed-origins" -> policy.allowedOrigins();
                case "allowed-origin-patterns" -> policy.allowedOriginPatterns();
                case "allowed-methods" -> policy.allowedMethods();
                case "allowed-headers" -> policy.allowedHeaders();
                case "exposed-headers" -> policy.exposedHeaders();
                case "allow-credentials" -> policy.allowCredentials();
                case "allow-private-network" -> policy.allowPrivateNetwork();
                default -> policy.maxAge();
            };
        }

        CorsPolicySpec spec(String name, Setting<List<String>> paths, @Nullable CorsPolicySpec candidate) {
            return new CorsPolicySpec(name, paths, setting("allowed-origins"), setting("allowed-origin-patterns"),
                    setting("allowed-methods"), setting("allowed-headers"), setting("exposed-headers"),
                    setting("allow-credentials"), setting("allow-private-network"), setting("max-age"), candidate);
        }

        @SuppressWarnings("unchecked")
        private <T> Setting<T> setting(String field) {
            Object value = read(this.settings, field);
            if (value instanceof List<?> list) {
                value = List.copyOf(list);
            }
            return (Setting<T>) ((value != null) ? new Setting<>(value, this.prefix + "." + field)
                    : this.inherited.apply(field));
        }

        private static @Nullable Object read(PolicySettings settings, String field) {
            return switch (field) {
                case "allowed-origins" -> settings.getAllowedOrigins();
                case "allowed-origin-patterns" -> settings.getAllowedOriginPatterns();
                case "allowed-methods" -> settings.getAllowedMethods();
                case "allowed-headers" -> settings.getAllowedHeaders();
                case "exposed-headers" -> settings.getExposedHeaders();
                case "allow-credentials" -> settings.getAllowCredentials();
                case "allow-private-network" -> settings.getAllowPrivateNetwork();
                case "max-age" -> settings.getMaxAge();
                default -> throw new IllegalArgumentException(field);
            };
        }

        private static Object builtIn(String field) {
            return switch (field) {
                case "allowed-methods" -> DEFAULT_METHODS;
                case "allow-credentials", "allow-private-network" -> false;
                case "max-age" -> DEFAULT_MAX_AGE;
                default -> List.of();
            };
        }
    }
}
