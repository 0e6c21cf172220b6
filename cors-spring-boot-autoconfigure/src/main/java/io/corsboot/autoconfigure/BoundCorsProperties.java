package io.corsboot.autoconfigure;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import io.corsboot.core.ConfigProblem;

/**
 * {@code cors.*} as bound: the properties, which names a source set (a value left unset holds its declared default
 * and is inherited instead), and the problems binding found.
 *
 * @param properties the bound properties
 * @param bound the names that a property source set
 * @param problems values that do not convert, list gaps and unknown keys
 */
record BoundCorsProperties(CorsProperties properties, Set<ConfigurationPropertyName> bound,
        List<ConfigProblem> problems) {

    /** Whether a source set a property, such as {@code cors.policies.api.max-age}. */
    boolean isSet(String property) {
        return this.bound.contains(ConfigurationPropertyName.adapt(property, '.'));
    }
}
