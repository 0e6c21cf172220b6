package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

import io.corsboot.autoconfigure.CorsProperties.Policy;
import io.corsboot.autoconfigure.CorsProperties.PolicySettings;
import io.corsboot.core.CorsPolicySpec;
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
                    (name) -> setting(bound, prefix, policy, name, (inherited) -> bound.isSet(property(DEFAULTS,
                            inherited)) ? read(DEFAULTS, defaults, inherited) : read(prefix, policy, inherited)),
                    null);
            PolicySettings candidate = policy.getCandidate();
            if (candidate != null) {
                Map<String, Setting<?>> inherited = new HashMap<>();
                spec.settings().forEach((named) -> inherited.put(named.name(), named.setting()));
                spec = spec.withCandidate(CorsPolicySpec.of(entry.getKey(),
                        new Setting<>(List.of(), spec.paths().property()),
                        (name) -> setting(bound, prefix + ".candidate", candidate, name, inherited::get), null));
            }
            specs.add(spec);
        }
        return specs;
    }

    /** {@code cors.defaults} alone, as a policy without paths, so that it can be validated on its own. */
    static CorsPolicySpec defaults(BoundCorsProperties bound) {
        PolicySettings defaults = bound.properties().getDefaults();
        return CorsPolicySpec.of("defaults", new Setting<>(List.of(), DEFAULTS + ".paths"),
                (name) -> read(DEFAULTS, defaults, name), null);
    }

    /** The property path of a policy, such as {@code cors.policies.api}. */
    static String policyProperty(String policy) {
        return "cors.policies." + policy;
    }

    private static Setting<?> setting(BoundCorsProperties bound, String prefix, PolicySettings settings, String name,
            Function<String, Setting<?>> inherited) {
        return bound.isSet(property(prefix, name)) ? read(prefix, settings, name) : inherited.apply(name);
    }

    private static Setting<?> read(String prefix, PolicySettings settings, String name) {
        BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(settings);
        Object value = properties.getPropertyValue(name);
        return new Setting<>((value instanceof List<?> list) ? List.copyOf(list) : value, property(prefix, name));
    }

    private static String property(String prefix, String name) {
        return prefix + "." + DataObjectPropertyName.toDashedForm(name);
    }
}
