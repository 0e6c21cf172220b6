package io.corsboot.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One named policy as configured, with defaults already applied: raw values, not yet validated.
 *
 * @param name the policy's name, as in logs, metrics and the endpoint
 * @param paths path patterns in {@code PathPattern} syntax (empty for a candidate, which uses its policy's)
 * @param allowedOrigins exact origins, {@code "null"} or {@code "*"}
 * @param allowedOriginPatterns origin patterns with {@code *} host labels and port lists
 * @param allowedMethods method tokens or {@code "*"}
 * @param allowedHeaders header names or {@code "*"}
 * @param exposedHeaders header names or {@code "*"}
 * @param allowCredentials whether credentials are allowed
 * @param allowPrivateNetwork whether legacy Private Network Access preflights are answered
 * @param maxAge how long browsers may cache a preflight
 * @param candidate the next version of this policy, evaluated but never enforced
 * @since 0.1.0
 */
public record CorsPolicySpec(String name, @AnyOrder Setting<List<String>> paths,
        @AnyOrder Setting<List<String>> allowedOrigins, @AnyOrder Setting<List<String>> allowedOriginPatterns,
        Setting<List<String>> allowedMethods, Setting<List<String>> allowedHeaders,
        Setting<List<String>> exposedHeaders, Setting<Boolean> allowCredentials, Setting<Boolean> allowPrivateNetwork,
        Setting<Duration> maxAge, @Nullable CorsPolicySpec candidate) {

    // The settings a policy and its candidate share are the record's components between paths and candidate, so
    // that a setting added to the record reaches every consumer that reads them through settings() and of(...).
    private static final List<RecordComponent> SETTINGS = List.of(CorsPolicySpec.class.getRecordComponents())
        .subList(2, CorsPolicySpec.class.getRecordComponents().length - 1);

    /**
     * Builds a spec from its settings by name.
     * @param name the policy's name
     * @param paths the path patterns
     * @param settings each setting by the name of its component, such as {@code allowedOrigins}
     * @param candidate the candidate, or null
     * @return the spec
     * @throws IllegalArgumentException when a setting is missing or holds a value of another type
     */
    public static CorsPolicySpec of(String name, Setting<List<String>> paths, Function<String, Setting<?>> settings,
            @Nullable CorsPolicySpec candidate) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(name);
        arguments.add(paths);
        for (RecordComponent component : SETTINGS) {
            Setting<?> setting = settings.apply(component.getName());
            if (setting == null || !valueType(component).isInstance(setting.value())) {
                throw new IllegalArgumentException("Setting " + component.getName() + " of policy '" + name
                        + "' must hold a " + valueType(component).getSimpleName() + ", not " + setting);
            }
            arguments.add(setting);
        }
        arguments.add(candidate);
        try {
            return canonicalConstructor().newInstance(arguments.toArray());
        }
        catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Every setting but the paths, in the order of the components, such as allowedOrigins first. */
    public List<Named> settings() {
        List<Named> settings = new ArrayList<>(SETTINGS.size());
        for (RecordComponent component : SETTINGS) {
            try {
                settings.add(new Named(component.getName(), (Setting<?>) component.getAccessor().invoke(this),
                        !component.isAnnotationPresent(AnyOrder.class)));
            }
            catch (IllegalAccessException | InvocationTargetException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return settings;
    }

    /** This spec with another candidate. */
    public CorsPolicySpec withCandidate(@Nullable CorsPolicySpec candidate) {
        return new CorsPolicySpec(this.name, this.paths, this.allowedOrigins, this.allowedOriginPatterns,
                this.allowedMethods, this.allowedHeaders, this.exposedHeaders, this.allowCredentials,
                this.allowPrivateNetwork, this.maxAge, candidate);
    }

    private static Class<?> valueType(RecordComponent component) {
        Type value = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        return (Class<?>) ((value instanceof ParameterizedType parameterized) ? parameterized.getRawType() : value);
    }

    private static Constructor<CorsPolicySpec> canonicalConstructor() {
        Class<?>[] types = List.of(CorsPolicySpec.class.getRecordComponents())
            .stream()
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
        try {
            return CorsPolicySpec.class.getDeclaredConstructor(types);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * One setting of a spec with its name.
     *
     * @param name the name of its component, such as {@code allowedOrigins}
     * @param setting the setting
     * @param ordered whether the order of a list value changes a response
     */
    public record Named(String name, Setting<?> setting, boolean ordered) {
    }
}
