package io.corsboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * Runtime hints for what the starter reads reflectively: {@link CorsProperties}, bound by the starter itself at
 * startup and on every refresh rather than as a configuration properties bean.
 */
final class CorsRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        BindableRuntimeHintsRegistrar.forTypes(CorsProperties.class).registerHints(hints, classLoader);
    }
}
