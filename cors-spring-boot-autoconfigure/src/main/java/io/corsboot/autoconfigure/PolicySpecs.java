package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.corsboot.autoconfigure.CorsProperties.Policy;
import io.corsboot.autoconfigure.CorsProperties.PolicySettings;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.PolicySetting;
import io.corsboot.core.Setting;

/**
 * Turns bound properties into policy specs: each setting taken from the policy where a source sets it, else from
 * {@code cors.defaults}, else its declared default; a candidate's from the candidate, else from its policy. Each
 * value is remembered with the property it came from, the path the core reports problems at.
 */
final class PolicySpecs {

    private static final String DEFAULTS = "cors.defaults";

    private PolicySpecs() {
    }

    static List<CorsPolicySpec> from(BoundCorsProperties bound) {
        PolicySettings defaults = bound.properties().getDefaults();
        List<CorsPolicySpec> specs = new ArrayList<>();
        for (Map.Entry<String, Policy> entry : bound.properties().getPolicies().entrySet()) {
            String prefix = policyProperty(entry.getKey());
            Policy policy = entry.getValue();
            CorsPolicySpec spec = CorsPolicySpec.of(entry.getKey(),
                    new Setting<>(List.copyOf(policy.getPaths()), prefix + ".paths"),
                    new Setting<>(List.copyOf(policy.getHosts()), prefix + ".hosts"),
                    (setting) -> setting(bound, prefix, policy, setting,
                            (inherited) -> bound.isSet(property(DEFAULTS, inherited))
                                    ? read(DEFAULTS, defaults, inherited) : read(prefix, policy, inherited)),
                    null);
            PolicySettings candidate = policy.getCandidate();
            specs.add((candidate != null) ? spec.withCandidate(candidate(bound, prefix, candidate, spec)) : spec);
        }
        return specs;
    }

    private static CorsPolicySpec candidate(BoundCorsProperties bound, String prefix, PolicySettings candidate,
            CorsPolicySpec policy) {
        return CorsPolicySpec.of(policy.name(), new Setting<>(List.of(), policy.paths().property()),
                new Setting<>(List.of(), policy.hosts().property()),
                (setting) -> setting(bound, prefix + ".candidate", candidate, setting, policy::setting), null);
    }

    /** {@code cors.defaults} alone, as a policy without paths, so that it can be validated on its own. */
    static CorsPolicySpec defaults(BoundCorsProperties bound) {
        PolicySettings defaults = bound.properties().getDefaults();
        return CorsPolicySpec.of("defaults", new Setting<>(List.of(), DEFAULTS + ".paths"),
                new Setting<>(List.of(), DEFAULTS + ".hosts"),
                (setting) -> read(DEFAULTS, defaults, setting), null);
    }

    /** The property path of a policy, such as {@code cors.policies.api}. */
    static String policyProperty(String policy) {
        return "cors.policies." + policy;
    }

    private static Setting<?> setting(BoundCorsProperties bound, String prefix, PolicySettings settings,
            PolicySetting setting, Function<PolicySetting, Setting<?>> inherited) {
        return bound.isSet(property(prefix, setting)) ? read(prefix, settings, setting) : inherited.apply(setting);
    }

    private static Setting<?> read(String prefix, PolicySettings settings, PolicySetting setting) {
        Object value = switch (setting) {
            case ALLOWED_ORIGINS -> List.copyOf(settings.getAllowedOrigins());
            case ALLOWED_ORIGIN_PATTERNS -> List.copyOf(settings.getAllowedOriginPatterns());
            case ALLOWED_METHODS -> List.copyOf(settings.getAllowedMethods());
            case ALLOWED_HEADERS -> List.copyOf(settings.getAllowedHeaders());
            case EXPOSED_HEADERS -> List.copyOf(settings.getExposedHeaders());
            case ALLOW_CREDENTIALS -> settings.isAllowCredentials();
            case ALLOW_PRIVATE_NETWORK -> settings.isAllowPrivateNetwork();
            case MAX_AGE -> settings.getMaxAge();
        };
        return new Setting<>(value, property(prefix, setting));
    }

    private static String property(String prefix, PolicySetting setting) {
        return prefix + "." + setting.key();
    }
}
