package io.corsboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.env.PropertySourceInfo;
import org.springframework.core.env.PropertySource;

/**
 * The prefix that Spring Boot puts before every name it reads from a property source ({@code MYAPP_} for environment
 * variables with {@code SpringApplication.setEnvironmentPrefix("myapp")}). Spring Boot 4 declares it on
 * {@link PropertySourceInfo}.
 */
final class PropertySourcePrefix {

    private PropertySourcePrefix() {
    }

    static @Nullable String of(PropertySource<?> source) {
        return (source instanceof PropertySourceInfo info) ? info.getPrefix() : null;
    }
}
