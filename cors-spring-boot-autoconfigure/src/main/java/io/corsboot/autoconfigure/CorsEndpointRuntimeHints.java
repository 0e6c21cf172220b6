package io.corsboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import io.corsboot.actuate.CorsEndpoint;

/**
 * Runtime hints for the {@link CorsEndpoint}'s responses, which Jackson writes by reflection. The web extensions
 * return them as {@code OperationResponseBody}, a type from which Spring's own hints for endpoint operations cannot
 * learn them.
 */
final class CorsEndpointRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
                CorsEndpoint.CorsDescriptor.class, CorsEndpoint.CheckDescriptor.class, CorsEndpoint.CheckError.class,
                CorsEndpoint.MigrationDescriptor.class);
    }
}
