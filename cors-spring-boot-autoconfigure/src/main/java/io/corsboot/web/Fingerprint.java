package io.corsboot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.CorsPolicySpec;

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
            line(text, "policy", spec.name());
            // The order of paths changes nothing.
            line(text, "paths", sorted(spec.paths().value()));
            settings(text, spec);
            supplied(text, policy);
            CorsPolicySpec candidate = spec.candidate();
            if (candidate != null) {
                line(text, "candidate", spec.name());
                settings(text, candidate);
            }
        }
        return sha256(text.toString());
    }

    // Origins supplied by the application apply to the policy and its candidate alike.
    private static void supplied(StringBuilder text, CompiledPolicy policy) {
        if (policy.suppliedOrigins() > 0) {
            line(text, "supplied-origins",
                    policy.suppliedOrigins() + " " + Long.toHexString(policy.suppliedDigest()));
        }
    }

    // Every setting of the spec, so that a new one is covered without a change here: lists as they are, or sorted
    // where their order changes nothing; durations in seconds, the unit of Access-Control-Max-Age.
    private static void settings(StringBuilder text, CorsPolicySpec spec) {
        for (CorsPolicySpec.Named named : spec.settings()) {
            String key = dashed(named.name());
            Object value = named.setting().value();
            if (value instanceof List<?> list) {
                List<String> values = list.stream().map(String::valueOf).toList();
                line(text, key, named.ordered() ? values : sorted(values));
            }
            else if (value instanceof Duration duration) {
                line(text, key, Long.toString(duration.toSeconds()));
            }
            else if (value instanceof Boolean flag) {
                line(text, key, flag.toString());
            }
            else {
                throw new IllegalStateException("No canonical text for " + named.name() + " = " + value);
            }
        }
    }

    /** A component's name as the configuration spells it: allowedOrigins as allowed-origins. */
    private static String dashed(String name) {
        StringBuilder dashed = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                dashed.append('-').append(Character.toLowerCase(c));
            }
            else {
                dashed.append(c);
            }
        }
        return dashed.toString();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append(' ');
        quote(text, value);
        text.append('\n');
    }

    private static void line(StringBuilder text, String key, List<String> values) {
        text.append(key).append(" [");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            quote(text, values.get(i));
        }
        text.append("]\n");
    }

    // Quoted and escaped, so that no value can pass for a delimiter or another line.
    private static void quote(StringBuilder text, String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            text.append(c);
        }
        text.append('"');
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
