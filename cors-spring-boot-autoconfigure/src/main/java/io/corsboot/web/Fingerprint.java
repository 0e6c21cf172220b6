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
            quoted(text.append("policy "), spec.name()).append('\n');
            // The order of paths changes nothing.
            listed(text.append("paths "), sorted(spec.paths().value())).append('\n');
            // Only where set, so that a policy without hosts keeps its fingerprint; their order changes nothing, and
            // the compiled spec spells them alike.
            if (!spec.hosts().value().isEmpty()) {
                listed(text.append("hosts "), sorted(spec.hosts().value())).append('\n');
            }
            settings(text, spec);
            supplied(text, policy);
            CorsPolicySpec candidate = spec.candidate();
            if (candidate != null) {
                quoted(text.append("candidate "), spec.name()).append('\n');
                settings(text, candidate);
            }
        }
        return sha256(text.toString());
    }

    // Origins supplied by the application apply to the policy and its candidate alike.
    private static void supplied(StringBuilder text, CompiledPolicy policy) {
        if (policy.suppliedOrigins() > 0) {
            quoted(text.append("supplied-origins "),
                    policy.suppliedOrigins() + " " + Long.toHexString(policy.suppliedDigest())).append('\n');
        }
    }

    // Every setting of the spec: lists as they are, or sorted where their order changes nothing; durations in
    // seconds, the unit of Access-Control-Max-Age.
    private static void settings(StringBuilder text, CorsPolicySpec spec) {
        for (PolicySetting setting : PolicySetting.values()) {
            text.append(setting.key()).append(' ');
            switch (setting) {
                case ALLOWED_ORIGINS -> listed(text, setting, spec.allowedOrigins());
                case ALLOWED_ORIGIN_PATTERNS -> listed(text, setting, spec.allowedOriginPatterns());
                case ALLOWED_METHODS -> listed(text, setting, spec.allowedMethods());
                case ALLOWED_HEADERS -> listed(text, setting, spec.allowedHeaders());
                case EXPOSED_HEADERS -> listed(text, setting, spec.exposedHeaders());
                case ALLOW_CREDENTIALS -> quoted(text, spec.allowCredentials().value().toString());
                case ALLOW_PRIVATE_NETWORK -> quoted(text, spec.allowPrivateNetwork().value().toString());
                case MAX_AGE -> quoted(text, Long.toString(spec.maxAge().value().toSeconds()));
            }
            text.append('\n');
        }
    }

    private static void listed(StringBuilder text, PolicySetting setting, Setting<List<String>> list) {
        listed(text, setting.ordered() ? list.value() : sorted(list.value()));
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    // Written into the text as it grows, rather than as strings of their own: a policy may list many origins.
    private static StringBuilder listed(StringBuilder text, List<String> values) {
        text.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            quoted(text, values.get(i));
        }
        return text.append(']');
    }

    // Quoted and escaped, so that no value can pass for a delimiter or another line.
    private static StringBuilder quoted(StringBuilder text, String value) {
        text.append('"');
        if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
            return text.append(value).append('"');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            text.append(c);
        }
        return text.append('"');
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
