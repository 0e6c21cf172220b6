package io.corsboot.autoconfigure;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;

/**
 * The lines the starter logs of its configuration, at startup and on every change: one per policy in force, one per
 * problem.
 */
final class PolicyLog {

    private PolicyLog() {
    }

    /** One INFO line: what the policy covers and whom it allows. */
    static String describe(CompiledPolicy policy) {
        var spec = policy.spec();
        return "CORS policy '" + policy.name() + "' covers " + spec.paths().value() + ": origins "
                + spec.allowedOrigins().value() + ", origin patterns " + spec.allowedOriginPatterns().value()
                + ", credentials " + (spec.allowCredentials().value() ? "allowed" : "not allowed")
                + ((policy.candidate() != null) ? ", with a candidate" : "");
    }

    /** One line: the property, then the failure analyzer's sentences. */
    static String describe(ConfigProblem problem) {
        return "CORS configuration, " + problem.describe();
    }
}
