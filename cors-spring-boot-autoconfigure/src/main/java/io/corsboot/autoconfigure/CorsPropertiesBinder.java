package io.corsboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

import io.corsboot.core.ConfigProblem;
import io.corsboot.core.ConfigProblem.Code;

/**
 * Binds {@code cors.*} onto a fresh {@link CorsProperties} with Spring Boot's {@link Binder}, which is offered long
 * origin lists whole ({@link WholeLists}). Where Boot would stop
 * at the first mistake, each value that does not convert, each list element that a gap leaves out and each key that
 * no property binds ({@link NoUnboundElementsBindHandler}) becomes a problem instead, so that one report names them
 * all.
 */
final class CorsPropertiesBinder {

    static final ConfigurationPropertyName CORS = ConfigurationPropertyName.of("cors");

    static final ConfigurationPropertyName POLICIES = CORS.append("policies");

    private CorsPropertiesBinder() {
    }

    /**
     * Whether CORS is enabled, read without binding the policies. A value that does not convert counts as enabled,
     * so that {@link #bind} reports it with every other mistake.
     */
    static boolean isEnabled(Environment environment) {
        return Binder.get(environment)
            .bind(CORS.append("enabled"), Bindable.of(Boolean.class), new IgnoringFailures())
            .orElse(true);
    }

    /**
     * How long startup waits for the origins that beans supply. A value that does not convert counts as the default,
     * as {@link #bind} reports it with every other mistake.
     */
    static Duration supplierStartupTimeout(Environment environment) {
        CorsProperties.Suppliers suppliers = new CorsProperties.Suppliers();
        Binder.get(environment).bind(CORS.append("suppliers"), Bindable.ofInstance(suppliers), new IgnoringFailures());
        return suppliers.getStartupTimeout();
    }

    static BoundCorsProperties bind(Environment environment) {
        CorsProperties properties = new CorsProperties();
        RecordingBindHandler handler = new RecordingBindHandler();
        new Binder(WholeLists.offeredWhole(ConfigurationPropertySources.get(environment)),
                new PropertySourcesPlaceholdersResolver(environment))
            .bind(CORS, Bindable.ofInstance(properties), handler);
        return new BoundCorsProperties(properties, Set.copyOf(handler.bound), handler.problems());
    }

    /** Leaves a value that does not convert unbound. */
    private static final class IgnoringFailures extends AbstractBindHandler {

        @Override
        public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Exception error) {
            return null;
        }
    }

    /**
     * Records what was bound, and each failure as a problem instead of failing the binding at once. Unknown keys come
     * last, from {@link NoUnboundElementsBindHandler} when the binding of {@code cors} finishes.
     */
    private static final class RecordingBindHandler extends AbstractBindHandler {

        private final Set<ConfigurationPropertyName> bound = new HashSet<>();

        private final List<ConfigProblem> problems = new ArrayList<>();

        private final Set<ConfigurationPropertyName> failed = new HashSet<>();

        private final List<ConfigurationProperty> unbound = new ArrayList<>();

        RecordingBindHandler() {
            super(new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        }

        @Override
        public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Object result) {
            this.bound.add(name);
            return super.onSuccess(name, target, context, result);
        }

        @Override
        public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Exception error) {
            if (error instanceof UnboundConfigurationPropertiesException unbound) {
                if (name.equals(CORS)) {
                    this.unbound.addAll(unbound.getUnboundProperties());
                }
                else {
                    unbound.getUnboundProperties().forEach((element) -> this.problems.add(leftOut(name, element)));
                    this.failed.add(name);
                }
                return null;
            }
            ConfigurationProperty property = context.getConfigurationProperty();
            String value = (property != null) ? String.valueOf(property.getValue()) : null;
            String type = target.getType().resolve(Object.class).getSimpleName();
            this.problems.add(new ConfigProblem(Code.VALUE_DOES_NOT_CONVERT, name.toString(), value,
                    ((value != null) ? "\"" + value + "\"" : "The value") + " is not " + expected(type) + ".",
                    fixFor(type, name)));
            this.failed.add(name);
            return null;
        }

        List<ConfigProblem> problems() {
            List<ConfigProblem> all = new ArrayList<>(this.problems);
            if (this.unbound.isEmpty()) {
                return all;
            }
            all.addAll(UnknownKeys.problems(this.unbound.stream()
                .filter((property) -> this.failed.stream()
                    .noneMatch((name) -> name.equals(property.getName()) || name.isAncestorOf(property.getName())))
                .toList()));
            return all;
        }

        // Spring Boot reads indexed elements up to the first missing index and refuses the list if any are left.
        private static ConfigProblem leftOut(ConfigurationPropertyName list, ConfigurationProperty element) {
            String value = String.valueOf(element.getValue());
            return new ConfigProblem(Code.VALUE_DOES_NOT_CONVERT, element.getName().toString(), value,
                    "\"" + value + "\" is left out of " + list
                            + ", whose elements are read from [0] up to the first missing index.",
                    "Number the elements of " + list + " from [0] without gaps.");
        }

        private static String expected(String type) {
            return switch (type) {
                case "Duration" -> "a duration";
                case "Boolean", "boolean" -> "true or false";
                case "List" -> "a list";
                default -> "a group of settings";
            };
        }

        private static String fixFor(String type, ConfigurationPropertyName name) {
            return switch (type) {
                case "Duration" -> "Use a duration such as 30m, 1h or PT1H, or a number of seconds.";
                case "Boolean", "boolean" -> "Use true or false.";
                case "List" -> "Use a list, such as [GET, POST] in YAML or GET,POST in a .properties file.";
                case "Map" -> "Name each policy under it, such as " + name + ".api.paths=/api/**.";
                default -> "Set its fields instead, such as " + name + ".allowed-origins=https://app.example.com.";
            };
        }
    }
}
