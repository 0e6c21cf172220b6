package io.corsboot.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.OriginParser.ExactOrigin;
import io.corsboot.core.OriginParser.InvalidOrigin;
import io.corsboot.core.OriginParser.OriginPattern;
import io.corsboot.core.SuppliedOrigins.Checked;

/**
 * Validates the origins that the application supplies for a policy. Each value is checked as a configured one is,
 * and one that is invalid, or that would open the policy to everyone ({@code "*"}, {@code "null"}, a pattern for
 * every origin or for every domain under a public suffix), is dropped with a warning: the other values still apply.
 *
 * @since 0.1.0
 */
public final class SuppliedOriginValidator {

    private final Predicate<String> isPublicSuffix;

    private final UnaryOperator<String> policyProperty;

    /**
     * Creates a validator.
     * @param isPublicSuffix whether a host name is a public suffix (such as {@code com} or {@code github.io}),
     * under which every domain belongs to someone else
     * @param policyProperty the property path of a policy by its name, which warnings name with the supplier
     */
    public SuppliedOriginValidator(Predicate<String> isPublicSuffix, UnaryOperator<String> policyProperty) {
        this.isPublicSuffix = isPublicSuffix;
        this.policyProperty = policyProperty;
    }

    /**
     * Validates the origins one supplier gives a policy.
     * @param supplier the supplier's name, shown in warnings
     * @param policy the policy the origins are for
     * @param origins exact origins as supplied
     * @param patterns origin patterns as supplied
     * @param previous the last validation of the same supplier for the same policy, whose verdicts are reused for
     * the values it has seen, or null
     * @return the validated origins
     */
    public SuppliedOrigins validate(String supplier, String policy, Collection<String> origins,
            Collection<String> patterns, @Nullable SuppliedOrigins previous) {
        String property = this.policyProperty.apply(policy) + " (supplied by " + supplier + ")";
        SuppliedOrigins reusable = (previous != null && previous.supplier().equals(supplier)
                && previous.policy().equals(policy)) ? previous : null;
        Map<String, Checked<String>> checkedOrigins = new HashMap<>(capacity(origins.size()));
        for (String value : origins) {
            if (!checkedOrigins.containsKey(value)) {
                Checked<String> known = (reusable != null) ? reusable.origin(value) : null;
                checkedOrigins.put(value, (known != null) ? known : checkOrigin(value, property));
            }
        }
        Map<String, Checked<OriginPattern>> checkedPatterns = new HashMap<>(capacity(patterns.size()));
        for (String value : patterns) {
            if (!checkedPatterns.containsKey(value)) {
                Checked<OriginPattern> known = (reusable != null) ? reusable.pattern(value) : null;
                checkedPatterns.put(value, (known != null) ? known : checkPattern(value, property));
            }
        }
        return new SuppliedOrigins(supplier, policy, property, checkedOrigins, checkedPatterns);
    }

    private static Checked<String> checkOrigin(String value, String property) {
        if ("*".equals(value)) {
            return dropped(value, property, "would allow every origin, and a supplied origin never opens a policy "
                    + "to every origin.", "Supply the tenant's own origins, or configure \"*\" in "
                            + PolicySetting.ALLOWED_ORIGINS.key() + ".");
        }
        try {
            ExactOrigin origin = OriginParser.parseExact(value);
            if ("null".equals(origin.serialised())) {
                return dropped(value, property, "is sent by any sandboxed iframe or local file, and a supplied "
                        + "origin never opens a policy to them.", "Supply the tenant's own origins, or configure "
                                + "\"null\" in " + PolicySetting.ALLOWED_ORIGINS.key() + ".");
            }
            boolean insecure = "http".equals(origin.scheme()) && !OriginParser.isLoopback(origin.host());
            return new Checked<>(value, origin.serialised(), null, insecure,
                    SuppliedOrigins.digest(origin.serialised()));
        }
        catch (InvalidOrigin ex) {
            return dropped(value, property, ex.getMessage(), ex.fix());
        }
    }

    private Checked<OriginPattern> checkPattern(String value, String property) {
        try {
            OriginPattern pattern = OriginParser.parsePattern(value);
            if (pattern.host() == null) {
                return dropped(value, property, "matches every origin of its scheme, and a supplied pattern never "
                        + "opens a policy to every origin.",
                        "Supply a pattern for the tenant's own domain, such as \"https://*.tenant.example.com\".");
            }
            if (pattern.label() != null && this.isPublicSuffix.test(pattern.host())) {
                return dropped(value, property, OriginProblems.partialLabelUnderPublicSuffix(pattern),
                        OriginProblems.PARTIAL_LABEL_UNDER_PUBLIC_SUFFIX_FIX);
            }
            if (pattern.subdomains() && this.isPublicSuffix.test(pattern.host())) {
                return dropped(value, property, "matches every domain under the public suffix \"" + pattern.host()
                        + "\", and those domains belong to other people.",
                        "Supply a pattern for the tenant's own domain, such as \"" + pattern.scheme()
                                + "://*.tenant.example." + pattern.host() + "\".");
            }
            boolean insecure = "http".equals(pattern.scheme()) && !OriginParser.isLoopback(pattern.host());
            return new Checked<>(value, pattern, null, insecure, SuppliedOrigins.digest(pattern));
        }
        catch (InvalidOrigin ex) {
            return dropped(value, property, ex.getMessage(), ex.fix());
        }
    }

    private static <T> Checked<T> dropped(String value, String property, String problem, String fix) {
        return new Checked<>(value, null, new ConfigProblem(Code.SUPPLIED_ORIGIN_DROPPED, property, value,
                ConfigProblem.quoted(value) + " " + problem + " It is dropped; the other supplied origins apply.", fix),
                false, 0);
    }

    private static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }
}
