package io.corsboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

import io.corsboot.servlet.SecurityFilterChainCorsPostProcessor;

/**
 * Runtime hints for the field of Spring's {@code CorsFilter} that {@link SecurityFilterChainCorsPostProcessor} reads
 * to keep the processor an application gave the filter.
 */
final class SecurityCorsRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.reflection()
            .registerType(TypeReference.of("org.springframework.web.filter.CorsFilter"),
                    (type) -> type.withField("processor"));
    }
}
