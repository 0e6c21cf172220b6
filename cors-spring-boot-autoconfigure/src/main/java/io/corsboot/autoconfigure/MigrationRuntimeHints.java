package io.corsboot.autoconfigure;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * Runtime hints for what the migration report reads of Spring reflectively: how the request mappings resolve a
 * handler's {@code @CrossOrigin}, and what WebFlux's {@code UrlBasedCorsConfigurationSource} was given.
 */
final class MigrationRuntimeHints implements RuntimeHintsRegistrar {

    private static final Map<String, String> MAPPINGS_AND_THEIR_INFO = Map.of(
            "org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping",
            "org.springframework.web.servlet.mvc.method.RequestMappingInfo",
            "org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping",
            "org.springframework.web.reactive.result.method.RequestMappingInfo");

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        MAPPINGS_AND_THEIR_INFO.forEach((mapping, info) -> hints.reflection()
            .registerTypeIfPresent(classLoader, mapping, (type) -> type.withMethod("initCorsConfiguration",
                    List.of(TypeReference.of(Object.class), TypeReference.of(Method.class), TypeReference.of(info)),
                    ExecutableMode.INVOKE)));
        hints.reflection()
            .registerTypeIfPresent(classLoader, "org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource",
                    (type) -> type.withField("corsConfigurations"));
    }
}
