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
 * Configuration properties for CORS policies: the one declaration of the {@code cors.*} schema, each setting's name,
 * type, default and description. Binding, unknown-key detection, inheritance, the fingerprint and the IDE metadata
 * all derive from it; a setting that a candidate may set is declared in {@link PolicySettings}.
 * <p>
 * Not a bean: {@link CorsPropertiesBinder} binds it so that every mistake under {@code cors} joins one report, and
 * binds it afresh on every refresh, where rebinding a bean would merge maps and keep a removed policy.
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

    /**
     * How origins that application beans supply are read.
     */
    private final Suppliers suppliers = new Suppliers();

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

    public Suppliers getSuppliers() {
        return this.suppliers;
    }

    /**
     * How origins that application beans supply are read.
     */
    public static class Suppliers {

        /**
         * How long startup waits for the first reading of the supplied origins. A reading that takes longer goes on
         * while the application starts, and its origins apply when it answers. If a duration suffix is not
         * specified, seconds will be used.
         */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration startupTimeout = Duration.ofSeconds(10);

        public Duration getStartupTimeout() {
            return this.startupTimeout;
        }

        public void setStartupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
        }
    }

    /**
     * What a policy allows, and what its candidate may change; unset values are inherited.
     */
    public static class PolicySettings {

        // The configuration processor reads no default from List.of(...), so
        // additional-spring-configuration-metadata.json repeats the lists' defaults; CorsPropertiesSchemaTests keeps
        // them equal.

        /**
         * Comma-separated list of exact origins allowed, such as https://app.example.com, or "null", or "*" for
         * any origin.
         */
        private List<String> allowedOrigins = List.of();

        /**
         * Comma-separated list of origin patterns allowed: "*" as the leftmost host label matches one or more
         * labels, "*" once inside the leftmost label (app-*) one or more letters, digits or hyphens, and a port
         * list such as [8080,8081] or [*] may follow the host.
         */
        private List<String> allowedOriginPatterns = List.of();

        /**
         * Comma-separated list of methods allowed, or "*". HEAD is allowed wherever GET is.
         */
        private List<String> allowedMethods = List.of("GET", "HEAD", "POST");

        /**
         * Comma-separated list of request headers a preflight may ask for, or "*".
         */
        private List<String> allowedHeaders = List.of();

        /**
         * Comma-separated list of response headers that scripts may read.
         */
        private List<String> exposedHeaders = List.of();

        /**
         * Whether browsers may send credentials (cookies, TLS client certificates, HTTP authentication).
         */
        private boolean allowCredentials;

        /**
         * Whether to answer legacy Private Network Access preflights.
         */
        private boolean allowPrivateNetwork;

        /**
         * How long browsers may cache a preflight response. If a duration suffix is not specified, seconds will be
         * used.
         */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration maxAge = Duration.ofMinutes(30);

        public List<String> getAllowedOrigins() {
            return this.allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public List<String> getAllowedOriginPatterns() {
            return this.allowedOriginPatterns;
        }

        public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
            this.allowedOriginPatterns = allowedOriginPatterns;
        }

        public List<String> getAllowedMethods() {
            return this.allowedMethods;
        }

        public void setAllowedMethods(List<String> allowedMethods) {
            this.allowedMethods = allowedMethods;
        }

        public List<String> getAllowedHeaders() {
            return this.allowedHeaders;
        }

        public void setAllowedHeaders(List<String> allowedHeaders) {
            this.allowedHeaders = allowedHeaders;
        }

        public List<String> getExposedHeaders() {
            return this.exposedHeaders;
        }

        public void setExposedHeaders(List<String> exposedHeaders) {
            this.exposedHeaders = exposedHeaders;
        }

        public boolean isAllowCredentials() {
            return this.allowCredentials;
        }

        public void setAllowCredentials(boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
        }

        public boolean isAllowPrivateNetwork() {
            return this.allowPrivateNetwork;
        }

        public void setAllowPrivateNetwork(boolean allowPrivateNetwork) {
            this.allowPrivateNetwork = allowPrivateNetwork;
        }

        public Duration getMaxAge() {
            return this.maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }

    /**
     * A named policy: the paths (and hosts) it covers, what it allows, and an optional candidate.
     */
    public static class Policy extends PolicySettings {

        /**
         * Comma-separated list of path patterns, in PathPattern syntax, that this policy covers.
         */
        private List<String> paths = List.of();

        /**
         * Comma-separated list of host names, or "*." and a domain, that this policy is limited to; every host when
         * empty. A policy whose hosts match comes before those without hosts.
         */
        private List<String> hosts = List.of();

        /**
         * Next version of this policy, evaluated beside it on every request and never enforced. Unset values are
         * the policy's own.
         */
        private @Nullable PolicySettings candidate;

        public List<String> getPaths() {
            return this.paths;
        }

        public void setPaths(List<String> paths) {
            this.paths = paths;
        }

        public List<String> getHosts() {
            return this.hosts;
        }

        public void setHosts(List<String> hosts) {
            this.hosts = hosts;
        }

        public @Nullable PolicySettings getCandidate() {
            return this.candidate;
        }

        public void setCandidate(@Nullable PolicySettings candidate) {
            this.candidate = candidate;
        }
    }
}
