package io.corsboot.core;

import org.jspecify.annotations.Nullable;

/**
 * One mistake, or one risk, in the CORS configuration: where it is, the value as configured, what is wrong and how
 * to fix it. Errors stop the application; warnings are logged once and listed by the endpoint.
 *
 * @param code stable identifier of the rule that found the problem
 * @param property property path, with its index, such as {@code cors.policies.api.allowed-origins[0]}
 * @param value the value as configured, or null when the problem is a missing value
 * @param problem what is wrong, and why
 * @param fix how to fix it, imperative, with a corrected value where there is one
 * @since 0.1.0
 */
public record ConfigProblem(Code code, String property, @Nullable String value, String problem, String fix) {

    /**
     * The problem as one line: the property, what is wrong and how to fix it. The startup log and the endpoint use
     * these words.
     */
    public String describe() {
        return this.property + ": " + this.problem + " " + this.fix;
    }

    /** A value as the wording shows it, in double quotes. */
    static String quoted(String value) {
        return "\"" + value + "\"";
    }

    /** Whether this problem stops the application (or refuses a new configuration). */
    public boolean isError() {
        return !this.code.warning;
    }

    /** The rules; the names are stable and tests match them. */
    public enum Code {

        WILDCARD_ORIGIN_WITH_CREDENTIALS,
        WILDCARD_ORIGIN_WITH_PRIVATE_NETWORK,
        NULL_ORIGIN_WITH_CREDENTIALS,
        BROAD_PATTERN_WITH_CREDENTIALS,
        BROAD_PATTERN_WITH_PRIVATE_NETWORK,
        PUBLIC_SUFFIX_PATTERN_WITH_CREDENTIALS,
        PARTIAL_LABEL_UNDER_PUBLIC_SUFFIX,
        ORIGIN_HAS_PATH,
        ORIGIN_WITHOUT_SCHEME,
        ORIGIN_HAS_USERINFO,
        ORIGIN_MALFORMED,
        PATTERN_WILDCARD_MISPLACED,
        PATTERN_SCHEME_NOT_HTTP,
        WILDCARD_EXPOSED_HEADERS_WITH_CREDENTIALS,
        POLICY_WITHOUT_PATHS,
        PATHS_IN_DEFAULTS,
        HOSTS_IN_DEFAULTS,
        INVALID_HOST,
        INVALID_PATH_PATTERN,
        DUPLICATE_PATH_PATTERN,
        INVALID_METHOD,
        INVALID_HEADER_NAME,
        NEGATIVE_MAX_AGE,
        VALUE_DOES_NOT_CONVERT,
        UNKNOWN_PROPERTY,
        MAX_AGE_ABOVE_BROWSER_CAP(true),
        INSECURE_ORIGIN_WITH_CREDENTIALS(true),
        UNKNOWN_ENVIRONMENT_VARIABLE(true),
        SUPPLIED_ORIGIN_DROPPED(true),
        SUPPLIER_POLICY_UNKNOWN(true);

        private final boolean warning;

        Code() {
            this(false);
        }

        Code(boolean warning) {
            this.warning = warning;
        }
    }
}
