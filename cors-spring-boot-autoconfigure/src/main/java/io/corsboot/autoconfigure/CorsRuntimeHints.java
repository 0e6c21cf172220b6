package io.corsboot.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

import io.corsboot.core.CorsPolicySpec;

/**
 * Runtime hints for what the starter reads reflectively: {@link CorsProperties}, bound by the starter itself at
 * startup and on every refresh rather than as a configuration properties bean, whose declared fields also name the
 * keys of the {@code cors.*} schema, and {@link CorsPolicySpec}, built through its record's canonical constructor.
 */
final class CorsRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        BindableRuntimeHintsRegistrar.forTypes(CorsProperties.class).registerHints(hints, classLoader);
        for (Class<?> group : List.of(CorsProperties.class, CorsProperties.PolicySettings.class,
                CorsProperties.Policy.class)) {
            hints.reflection().registerType(group, MemberCategory.ACCESS_DECLARED_FIELDS);
        }
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), CorsPolicySpec.class);
    }
}
