package io.corsboot.autoconfigure;

import java.lang.reflect.Field;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

import io.corsboot.core.CorsPolicySpec;

/**
 * Runtime hints for what the starter reads reflectively: {@link CorsProperties}, bound by the starter itself at
 * startup and on every refresh rather than as a configuration properties bean, whose declared fields also name the
 * keys of the {@code cors.*} schema, {@link CorsPolicySpec}, built through its record's canonical constructor, and
 * the Spring Boot line the starter was built for, which {@link SpringBootLineGuard} reads at startup, and the Public
 * Suffix List, which {@link PublicSuffixes} reads when a rule needs it.
 */
final class CorsRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        BindableRuntimeHintsRegistrar.forTypes(CorsProperties.class).registerHints(hints, classLoader);
        // Field by field: the category for all declared fields has a different name on each Spring Framework line
        for (Class<?> group : List.of(CorsProperties.class, CorsProperties.PolicySettings.class,
                CorsProperties.Policy.class)) {
            for (Field field : group.getDeclaredFields()) {
                hints.reflection().registerField(field);
            }
        }
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), CorsPolicySpec.class);
        hints.resources().registerPattern(SpringBootLineGuard.DESCRIPTOR);
        hints.resources().registerPattern(PublicSuffixes.RULES);
    }
}
