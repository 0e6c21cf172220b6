package io.corsboot.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

/** Property sources as Spring Boot reads them, and an environment of those alone, for the tests that bind cors.*. */
final class TestPropertySources {

    private TestPropertySources() {
    }

    /** An environment with these sources alone, the first one first: no system properties or variables. */
    static StandardEnvironment environment(List<PropertySource<?>> sources) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    /** A YAML document, as Spring Boot reads {@code application.yml}. */
    static PropertySource<?> yaml(String yaml) {
        try {
            return new YamlPropertySourceLoader()
                .load("application.yml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))
                .get(0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Environment variables, as Spring Boot reads them. */
    static PropertySource<?> variables(Map<String, Object> variables) {
        return new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                variables);
    }
}
