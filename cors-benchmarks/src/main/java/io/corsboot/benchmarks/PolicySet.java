package io.corsboot.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.web.PolicySnapshot;

/**
 * The configurations every benchmark runs against. In each, the request goes to the last policy and comes from the
 * last origin or pattern listed, the worst case for a linear scan.
 */
public enum PolicySet {

    /** One policy with three exact origins. */
    THREE_ORIGINS(1, 3, false),

    /** Twenty policies on twenty path prefixes, with a hundred exact origins each. */
    TWENTY_POLICIES(20, 100, false),

    /** One policy with 10,000 exact origins. */
    TEN_THOUSAND_ORIGINS(1, 10_000, false),

    /** One policy with fifty origin patterns. */
    FIFTY_PATTERNS(1, 50, true);

    /** An origin that no configuration allows. */
    static final String REJECTED_ORIGIN = "https://evil.example.net";

    private final int policies;

    private final int origins;

    private final boolean patterns;

    PolicySet(int policies, int origins, boolean patterns) {
        this.policies = policies;
        this.origins = origins;
        this.patterns = patterns;
    }

    /** The path of every request: under the last policy. */
    String path() {
        return "/" + tenant(this.policies - 1) + "/orders";
    }

    /** The allowed origin of every cross-origin request: the last one listed in the last policy. */
    String allowedOrigin() {
        int last = this.origins - 1;
        return this.patterns ? "https://app.customer-" + last + ".example.com" : origin(this.policies - 1, last);
    }

    /** The {@code cors.*} properties of this configuration. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int p = 0; p < this.policies; p++) {
            int policy = p;
            String prefix = "cors.policies." + tenant(policy) + ".";
            properties.put(prefix + "paths", "/" + tenant(policy) + "/**");
            String origins = IntStream.range(0, this.origins)
                .mapToObj((i) -> this.patterns ? "https://*.customer-" + i + ".example.com" : origin(policy, i))
                .collect(Collectors.joining(","));
            properties.put(prefix + (this.patterns ? "allowed-origin-patterns" : "allowed-origins"), origins);
            properties.put(prefix + "allowed-methods", "GET,POST,PUT,DELETE");
            properties.put(prefix + "allowed-headers", "Content-Type,Authorization");
            properties.put(prefix + "exposed-headers", "X-Request-Id");
            properties.put(prefix + "allow-credentials", "true");
            properties.put(prefix + "max-age", "1h");
        }
        return properties;
    }

    /** The starter's snapshot of this configuration, loaded as an application would load it. */
    PolicySnapshot snapshot() {
        MockEnvironment environment = new MockEnvironment();
        properties().forEach(environment::setProperty);
        return new CorsConfigurationLoader().load(environment);
    }

    private static String tenant(int policy) {
        return String.format("tenant-%02d", policy);
    }

    private static String origin(int policy, int index) {
        return String.format("https://customer-%05d.tenant-%02d.example.com", index, policy);
    }
}
