package io.corsboot.autoconfigure;

import java.util.List;
import java.util.Locale;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;

/**
 * The lines the starter logs of its configuration, at startup and on every change: one per policy in force, one per
 * problem.
 */
final class PolicyLog {

    // A policy may list thousands of origins: the line names the first few and counts the rest, which the cors
    // endpoint lists.
    private static final int LISTED = 10;

    private PolicyLog() {
    }

    /** One INFO line: what the policy covers and whom it allows. */
    static String describe(CompiledPolicy policy) {
        var spec = policy.spec();
        return "CORS policy '" + policy.name() + "' covers " + listed(spec.paths().value()) + ": origins "
                + listed(spec.allowedOrigins().value()) + ", origin patterns "
                + listed(spec.allowedOriginPatterns().value())
                + ", credentials " + (spec.allowCredentials().value() ? "allowed" : "not allowed")
                + ((policy.candidate() != null) ? ", with a candidate" : "");
    }

    private static String listed(List<String> values) {
        if (values.size() <= LISTED) {
            return values.toString();
        }
        return "[" + String.join(", ", values.subList(0, LISTED)) + String.format(Locale.ROOT, ", and %,d more]",
                values.size() - LISTED);
    }

    /** One line: the property, then the failure analyzer's sentences. */
    static String describe(ConfigProblem problem) {
        return "CORS configuration, " + problem.describe();
    }
}
