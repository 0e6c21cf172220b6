package io.corsboot.autoconfigure;

import java.util.List;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.corsboot.core.ConfigProblem;
import io.corsboot.core.CorsConfigurationException;
import io.corsboot.migration.ConfigurationCheck;

/**
 * The startup validation of the application's own {@code cors.*} configuration with the report's properties added
 * ahead of it, by the loader that reads it at startup.
 */
final class MigrationConfigurationCheck implements ConfigurationCheck {

    // The name under which Spring Boot attaches a view of all the others, which a copy must not take along.
    private static final String ATTACHED = "configurationProperties";

    private final ConfigurableEnvironment environment;

    MigrationConfigurationCheck(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public List<ConfigProblem> errors(Map<String, String> properties) {
        StandardEnvironment proposed = new StandardEnvironment();
        MutablePropertySources sources = proposed.getPropertySources();
        sources.forEach((source) -> sources.remove(source.getName()));
        sources.addFirst(new MapPropertySource("cors migration report", Map.copyOf(properties)));
        for (PropertySource<?> source : this.environment.getPropertySources()) {
            if (!ATTACHED.equals(source.getName())) {
                sources.addLast(source);
            }
        }
        try {
            new CorsConfigurationLoader().load(proposed);
            return List.of();
        }
        catch (CorsConfigurationException ex) {
            return ex.getProblems().stream().filter(ConfigProblem::isError).toList();
        }
    }
}
