package io.corsboot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.PolicySetting;
import io.corsboot.core.Setting;

/**
 * The fingerprint of a snapshot: SHA-256, in hex, of a canonical text of its effective policies. Instances and
 * restarts with the same configuration share it, whatever order their property sources keep; anything that changes
 * a response or a metric changes it.
 */
final class Fingerprint {

    // Bumped whenever the canonical text changes, so that fingerprints of different formats never collide.
    private static final String FORMAT = "cors-policies 1";

    private Fingerprint() {
    }

    static String of(List<CompiledPolicy> policies) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        for (CompiledPolicy policy : policies) {
            CorsPolicySpec spec = policy.spec();
            line(text, "policy", quoted(spec.name()));
            // The order of paths changes nothing.
            line(text, "paths", listed(sorted(spec.paths().value())));
            // Only where set, so that a policy without hosts keeps its fingerprint; their order changes nothing, and
            // the compiled spec spells them alike.
            if (!spec.hosts().value().isEmpty()) {
                line(text, "hosts", listed(sorted(spec.hosts().value())));
            }
            settings(text, spec);
            supplied(text, policy);
            CorsPolicySpec candidate = spec.candidate();
            if (candidate != null) {
                line(text, "candidate", quoted(spec.name()));
                settings(text, candidate);
            }
        }
        return sha256(text.toString());
    }

    // Origins supplied by the application apply to the policy and its candidate alike.
    private static void supplied(StringBuilder text, CompiledPolicy policy) {
        if (policy.suppliedOrigins() > 0) {
            line(text, "supplied-origins",
                    quoted(policy.suppliedOrigins() + " " + Long.toHexString(policy.suppliedDigest())));
        }
    }

    // Every setting of the spec: lists as they are, or sorted where their order changes nothing; durations in
    // seconds, the unit of Access-Control-Max-Age.
    private static void settings(StringBuilder text, CorsPolicySpec spec) {
        for (PolicySetting setting : PolicySetting.values()) {
            line(text, setting.key(), switch (setting) {
                case ALLOWED_ORIGINS -> listed(setting, spec.allowedOrigins());
                case ALLOWED_ORIGIN_PATTERNS -> listed(setting, spec.allowedOriginPatterns());
                case ALLOWED_METHODS -> listed(setting, spec.allowedMethods());
                case ALLOWED_HEADERS -> listed(setting, spec.allowedHeaders());
                case EXPOSED_HEADERS -> listed(setting, spec.exposedHeaders());
                case ALLOW_CREDENTIALS -> quoted(spec.allowCredentials().value().toString());
                case ALLOW_PRIVATE_NETWORK -> quoted(spec.allowPrivateNetwork().value().toString());
                case MAX_AGE -> quoted(Long.toString(spec.maxAge().value().toSeconds()));
            });
        }
    }

    private static String listed(PolicySetting setting, Setting<List<String>> list) {
        return listed(setting.ordered() ? list.value() : sorted(list.value()));
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append(' ').append(value).append('\n');
    }

    private static String listed(List<String> values) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                list.append(',');
            }
            list.append(quoted(values.get(i)));
        }
        return list.append(']').toString();
    }

    // Quoted and escaped, so that no value can pass for a delimiter or another line.
    private static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            // Every Java platform implements SHA-256 (MessageDigest's javadoc).
            throw new IllegalStateException(ex);
        }
    }
}
