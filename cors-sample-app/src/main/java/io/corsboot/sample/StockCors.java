package io.corsboot.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.web.cors.CorsConfiguration;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.web.PolicySnapshot;

/**
 * Spring Framework's own {@link CorsConfiguration}s for the starter's policies, setting for setting: the baseline
 * of {@link StockCorsConfiguration}, and of the benchmarks that compare the starter's filters with Spring's.
 */
public final class StockCors {

    private StockCors() {
    }

    /**
     * Registers one configuration per path pattern of every policy, in the starter's order of precedence.
     * @param snapshot the starter's policies
     * @param registry where each path pattern and its configuration go, such as
     * {@code UrlBasedCorsConfigurationSource::registerCorsConfiguration}
     */
    public static void register(PolicySnapshot snapshot, BiConsumer<String, CorsConfiguration> registry) {
        for (CompiledPolicy policy : snapshot.policies()) {
            CorsConfiguration configuration = configuration(policy.spec());
            for (String path : policy.spec().paths().value()) {
                registry.accept(path, configuration);
            }
        }
    }

    private static CorsConfiguration configuration(CorsPolicySpec spec) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(spec.allowedOrigins().value());
        configuration.setAllowedOriginPatterns(spec.allowedOriginPatterns().value());
        // The starter allows HEAD wherever it allows GET; Spring's configuration needs it listed.
        List<String> methods = new ArrayList<>(spec.allowedMethods().value());
        if (methods.contains("GET") && !methods.contains("HEAD")) {
            methods.add("HEAD");
        }
        configuration.setAllowedMethods(methods);
        configuration.setAllowedHeaders(spec.allowedHeaders().value());
        configuration.setExposedHeaders(spec.exposedHeaders().value());
        configuration.setAllowCredentials(spec.allowCredentials().value());
        configuration.setAllowPrivateNetwork(spec.allowPrivateNetwork().value());
        configuration.setMaxAge(spec.maxAge().value());
        return configuration;
    }
}
