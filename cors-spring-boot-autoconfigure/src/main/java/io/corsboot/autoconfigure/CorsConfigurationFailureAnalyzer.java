package io.corsboot.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import io.corsboot.core.ConfigProblem;
import io.corsboot.core.CorsConfigurationException;

/**
 * Explains a {@link CorsConfigurationException} at startup: each problem with its property, the value as configured,
 * where that value came from, what is wrong and how to fix it. Ordered ahead of Boot's analyzers, since the first
 * analyzer that answers wins.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorsConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CorsConfigurationException> {

    private final @Nullable ConfigurableEnvironment environment;

    CorsConfigurationFailureAnalyzer(@Nullable Environment environment) {
        this.environment = (environment instanceof ConfigurableEnvironment configurable) ? configurable : null;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CorsConfigurationException cause) {
        List<ConfigProblem> problems = cause.getProblems();
        StringBuilder description = new StringBuilder();
        description.append(String.format("The CORS configuration has %d %s.", problems.size(),
                (problems.size() == 1) ? "problem" : "problems"));
        for (ConfigProblem problem : problems) {
            description.append(String.format("%n"));
            Configured configured = configured(problem.property());
            append(description, "Property", problem.property());
            String value = (configured.value() != null) ? configured.value() : problem.value();
            if (value != null) {
                append(description, "Value", "\"" + value + "\"");
            }
            if (configured.origin() != null) {
                append(description, "Origin", configured.origin().toString());
            }
            append(description, "Problem", problem.problem());
            append(description, "Fix", problem.fix());
        }
        return new FailureAnalysis(description.toString(), "Change the properties listed above.", cause);
    }

    private static void append(StringBuilder description, String label, String text) {
        description.append(String.format("%n  %-9s %s", label + ":", text));
    }

    /**
     * The value as the property source holds it and where it came from. An element of a list written on one line
     * (allowed-origins=a,b) has no source of its own: then only the line's origin is known.
     */
    private Configured configured(String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
        if (name == null || this.environment == null) {
            return new Configured(null, null);
        }
        ConfigurationPropertyName list = name.isLastElementIndexed() ? name.getParent() : null;
        // The binder takes a whole list from the first source that has it, on one line or by index, so an element
        // that a lower source also holds at the same index is not the one reported.
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
            ConfigurationProperty line = (list != null) ? source.getConfigurationProperty(list) : null;
            if (line != null) {
                return new Configured(null, line.getOrigin());
            }
            ConfigurationProperty exact = source.getConfigurationProperty(name);
            if (exact != null) {
                return new Configured(String.valueOf(exact.getValue()), exact.getOrigin());
            }
        }
        return new Configured(null, null);
    }

    private record Configured(@Nullable String value, @Nullable Origin origin) {
    }
}
