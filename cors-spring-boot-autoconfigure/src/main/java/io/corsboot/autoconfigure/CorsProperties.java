package io.corsboot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties for CORS policies.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("cors")
public class CorsProperties {

    /**
     * Whether to install the CORS filters. When false, nothing is registered.
     */
    private boolean enabled = true;

    /**
     * Settings inherited by every policy that leaves them unset.
     */
    private final PolicySettings defaults = new PolicySettings();

    /**
     * Policies by name. The name appears in logs, metrics and the cors endpoint.
     */
    private final Map<String, Policy> policies = new LinkedHashMap<>();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public PolicySettings getDefaults() {
        return this.defaults;
    }

    public Map<String, Policy> getPolicies() {
        return this.policies;
    }

    /**
     * What a policy allows; unset values are inherited.
     */
    public static class PolicySettings {

        /**
         * Comma-separated list of exact origins allowed, such as https://app.example.com, or "null", or "*" for
         * any origin.
         */
        private @Nullable List<String> allowedOrigins;

        /**
         * Comma-separated list of origin patterns allowed: "*" as the leftmost host label matches one or more
         * labels, and a port list such as [8080,8081] or [*] may follow the host.
         */
        private @Nullable List<String> allowedOriginPatterns;

        /**
         * Comma-separated list of methods allowed, or "*". HEAD is allowed wherever GET is. Defaults to GET, HEAD
         * and POST.
         */
        private @Nullable List<String> allowedMethods;

        /**
         * Comma-separated list of request headers a preflight may ask for, or "*". Defaults to none.
         */
        private @Nullable List<String> allowedHeaders;

        /**
         * Comma-separated list of response headers that scripts may read. Defaults to none.
         */
        private @Nullable List<String> exposedHeaders;

        /**
         * Whether browsers may send credentials (cookies, TLS client certificates, HTTP authentication). Defaults
         * to false.
         */
        private @Nullable Boolean allowCredentials;

        /**
         * Whether to answer legacy Private Network Access preflights. Defaults to false.
         */
        private @Nullable Boolean allowPrivateNetwork;

        /**
         * How long browsers may cache a preflight response. If a duration suffix is not specified, seconds will be
         * used. Defaults to 30 minutes.
         */
        @DurationUnit(ChronoUnit.SECONDS)
        private @Nullable Duration maxAge;

        public @Nullable List<String> getAllowedOrigins() {
            return this.allowedOrigins;
        }

        public void setAllowedOrigins(@Nullable List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public @Nullable List<String> getAllowedOriginPatterns() {
            return this.allowedOriginPatterns;
        }

        public void setAllowedOriginPatterns(@Nullable List<String> allowedOriginPatterns) {
            this.allowedOriginPatterns = allowedOriginPatterns;
        }

        public @Nullable List<String> getAllowedMethods() {
            return this.allowedMethods;
        }

        public void setAllowedMethods(@Nullable List<String> allowedMethods) {
            this.allowedMethods = allowedMethods;
        }

        public @Nullable List<String> getAllowedHeaders() {
            return this.allowedHeaders;
        }

        public void setAllowedHeaders(@Nullable List<String> allowedHeaders) {
            this.allowedHeaders = allowedHeaders;
        }

        public @Nullable List<String> getExposedHeaders() {
            return this.exposedHeaders;
        }

        public void setExposedHeaders(@Nullable List<String> exposedHeaders) {
            this.exposedHeaders = exposedHeaders;
        }

        public @Nullable Boolean getAllowCredentials() {
            return this.allowCredentials;
        }

        public void setAllowCredentials(@Nullable Boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
        }

        public @Nullable Boolean getAllowPrivateNetwork() {
            return this.allowPrivateNetwork;
        }

        public void setAllowPrivateNetwork(@Nullable Boolean allowPrivateNetwork) {
            this.allowPrivateNetwork = allowPrivateNetwork;
        }

        public @Nullable Duration getMaxAge() {
            return this.maxAge;
        }

        public void setMaxAge(@Nullable Duration maxAge) {
            this.maxAge = maxAge;
        }
    }

    /**
     * A named policy: the paths it covers, what it allows, and an optional candidate.
     */
    public static class Policy extends PolicySettings {

        /**
         * Comma-separated list of path patterns, in PathPattern syntax, that this policy covers.
         */
        private @Nullable List<String> paths;

        /**
         * Next version of this policy, evaluated beside it on every request and never enforced. Unset values are
         * the policy's own.
         */
        private @Nullable PolicySettings candidate;

        public @Nullable List<String> getPaths() {
            return this.paths;
        }

        public void setPaths(@Nullable List<String> paths) {
            this.paths = paths;
        }

        public @Nullable PolicySettings getCandidate() {
            return this.candidate;
        }

        public void setCandidate(@Nullable PolicySettings candidate) {
            this.candidate = candidate;
        }
    }
}
