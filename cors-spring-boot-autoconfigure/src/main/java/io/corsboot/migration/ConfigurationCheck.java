package io.corsboot.migration;

import java.util.List;
import java.util.Map;

import io.corsboot.core.ConfigProblem;

/**
 * The starter's own startup validation, asked of {@code cors.*} properties that the report proposes: what the
 * application would report at startup with them added to its configuration.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConfigurationCheck {

    /**
     * The errors the application would stop on, with these properties beside its own.
     * @param properties {@code cors.*} properties by their full name, lists by index
     * @return the errors, empty when the application would start
     */
    List<ConfigProblem> errors(Map<String, String> properties);
}
