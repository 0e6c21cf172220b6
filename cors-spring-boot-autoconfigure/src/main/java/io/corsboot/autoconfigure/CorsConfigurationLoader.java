package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.common.net.InternetDomainName;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.corsboot.core.ConfigProblem;
import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.web.PolicySnapshot;

/**
 * Reads {@code cors.*} from an {@link Environment} into a {@link PolicySnapshot}. Values that do not convert and unknown
 * keys join the validation problems, so that one report names every mistake. Used at startup and, with a fresh
 * binding, on every configuration refresh.
 *
 * @since 0.1.0
 */
public final class CorsConfigurationLoader {

    static final ConfigurationPropertyName CORS = ConfigurationPropertyName.of("cors");

    private static final ConfigurationPropertyName POLICIES = ConfigurationPropertyName.of("cors.policies");

    private static final List<String> SETTINGS = List.of("allowed-origins", "allowed-origin-patterns",
            "allowed-methods", "allowed-headers", "exposed-headers", "allow-credentials", "allow-private-network",
            "max-age");

    private final PolicyCompiler compiler;

    public CorsConfigurationLoader() {
        this.compiler = new PolicyCompiler(CorsConfigurationLoader::isPublicSuffix);
    }

    // The Public Suffix List, as Guava ships it, covers ICANN suffixes (com, co.uk) and private ones (github.io).
    static boolean isPublicSuffix(String host) {
        return InternetDomainName.isValid(host) && InternetDomainName.from(host).isPublicSuffix();
    }

    /**
     * Whether CORS is enabled, read without binding the policies. A value that does not convert counts as enabled,
     * so that {@link #load} reports it with every other mistake.
     */
    public static boolean isEnabled(Environment environment) {
        return Binder.get(environment)
            .bind(ConfigurationPropertyName.of("cors.enabled"), Bindable.of(Boolean.class), new IgnoringFailures())
            .orElse(true);
    }

    /**
     * Binds, validates and compiles the {@code cors.*} configuration.
     * @throws io.corsboot.core.CorsConfigurationException with every error found
     */
    public PolicySnapshot load(Environment environment) {
        return load(environment, PolicySnapshot.empty());
    }

    /**
     * Binds, validates and compiles the {@code cors.*} configuration to replace a snapshot, whose supplied origins
     * carry over and whose unchanged policies are reused.
     * @throws io.corsboot.core.CorsConfigurationException with every error found
     */
    public PolicySnapshot load(Environment environment, PolicySnapshot previous) {
        List<ConfigProblem> problems = new ArrayList<>();
        CorsProperties properties = new CorsProperties();
        Binder.get(environment).bind(CORS, Bindable.ofInstance(properties), new RecordingBindHandler(problems));
        dropEnvironmentAliases(properties, environment);
        problems.addAll(unknownKeys(environment));
        // cors.defaults is also checked on its own: a mistake there counts even where every policy overrides it.
        this.compiler.compile(PolicySpecs.defaults(properties), problems);
        return PolicySnapshot.compile(PolicySpecs.from(properties), problems, this.compiler, previous);
    }

    /**
     * Environment variables cannot spell dashes, so {@code CORS_POLICIES_PARTNERAPI_PATHS_0} binds a policy
     * {@code partnerapi} beside {@code partner-api}. The binder already gives both the same merged values, so a
     * name that only environment variables use is dropped where another source spells it out.
     */
    private static void dropEnvironmentAliases(CorsProperties properties, Environment environment) {
        Set<String> spelledOut = new HashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable && !isEnvironmentVariables(source)) {
                iterable.filter(POLICIES::isAncestorOf)
                    .stream()
                    .filter((name) -> name.getNumberOfElements() > 2)
                    .forEach((name) -> spelledOut.add(name.getElement(2, Form.ORIGINAL)));
            }
        }
        Set<String> names = properties.getPolicies().keySet();
        names.removeIf((name) -> !spelledOut.contains(name) && names.stream()
            .anyMatch((other) -> !other.equals(name) && alias(other).equals(alias(name))));
    }

    private static String alias(String policyName) {
        return policyName.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static boolean isEnvironmentVariables(ConfigurationPropertySource source) {
        return source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
    }

    /** Leaves a value that does not convert unbound. */
    private static final class IgnoringFailures extends AbstractBindHandler {

        @Override
        public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Exception error) {
            return null;
        }
    }

    /** Records a value that does not convert as a problem, instead of failing the binding at once. */
    private static final class RecordingBindHandler extends AbstractBindHandler {

        private final List<ConfigProblem> problems;

        RecordingBindHandler(List<ConfigProblem> problems) {
            this.problems = problems;
        }

        @Override
        public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Exception error) {
            if (error instanceof UnboundConfigurationPropertiesException unbound) {
                unbound.getUnboundProperties().forEach((element) -> this.problems.add(leftOut(name, element)));
                return null;
            }
            ConfigurationProperty property = context.getConfigurationProperty();
            String value = (property != null) ? String.valueOf(property.getValue()) : null;
            String type = target.getType().resolve(Object.class).getSimpleName();
            this.problems.add(new ConfigProblem(Code.VALUE_DOES_NOT_CONVERT, name.toString(), value,
                    ((value != null) ? "\"" + value + "\"" : "The value") + " is not " + expected(type) + ".",
                    fixFor(type, name)));
            return null;
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

    /**
     * Every name under {@code cors} that no property binds. From environment variables these are warnings, since
     * platforms create variables such as {@code CORS_PORT} for services named cors.
     */
    static List<ConfigProblem> unknownKeys(Environment environment) {
        Map<String, ConfigProblem> problems = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean variables = isEnvironmentVariables(source);
            iterable.filter(CORS::isAncestorOf).stream().forEach((name) -> {
                String unknown = unknownElement(name);
                if (unknown != null && !problems.containsKey(name.toString())) {
                    problems.put(name.toString(), (variables && !isDefaultsPaths(name))
                            ? unknownVariable(name, source) : unknownProperty(name, unknown));
                }
            });
        }
        return new ArrayList<>(problems.values());
    }

    /** The first element of a name under {@code cors} that no property binds, or null when it is known. */
    private static @Nullable String unknownElement(ConfigurationPropertyName name) {
        int size = name.getNumberOfElements();
        String first = uniform(name, 1);
        switch (first) {
            case "enabled":
                return (size == 2) ? null : name.getElement(2, Form.DASHED);
            case "defaults":
                return (size == 2) ? null : knownSetting(name, 2, Set.of());
            case "policies":
                if (size <= 3) {
                    return null;
                }
                if ("candidate".equals(uniform(name, 3))) {
                    return (size == 4) ? null : knownSetting(name, 4, Set.of());
                }
                return knownSetting(name, 3, Set.of("paths"));
            default:
                return name.getElement(1, Form.DASHED);
        }
    }

    private static @Nullable String knownSetting(ConfigurationPropertyName name, int index, Set<String> extra) {
        String element = uniform(name, index);
        boolean known = extra.contains(element) || SETTINGS.stream().anyMatch((s) -> s.replace("-", "").equals(element));
        if (!known) {
            return name.getElement(index, Form.DASHED);
        }
        for (int i = index + 1; i < name.getNumberOfElements(); i++) {
            if (!name.isNumericIndex(i)) {
                return name.getElement(i, Form.DASHED);
            }
        }
        return null;
    }

    private static String uniform(ConfigurationPropertyName name, int index) {
        return (index < name.getNumberOfElements()) ? name.getElement(index, Form.UNIFORM) : "";
    }

    private static ConfigProblem unknownProperty(ConfigurationPropertyName name, String unknown) {
        String property = name.toString();
        if (isDefaultsPaths(name)) {
            return new ConfigProblem(Code.PATHS_IN_DEFAULTS, property, null,
                    "Paths cannot be set under cors.defaults: every policy would inherit them, and two policies "
                            + "cannot cover the same paths.",
                    "Move the paths to a policy, such as cors.policies.api.paths=/api/**.");
        }
        String closest = closest(unknown, candidatesFor(name));
        String fix = (closest != null) ? "Did you mean '" + closest + "'? Correct the key, or remove it."
                : "Remove it, or correct it to one of: " + String.join(", ", candidatesFor(name)) + ".";
        return new ConfigProblem(Code.UNKNOWN_PROPERTY, property, null,
                "'" + unknown + "' is not a CORS property, so its value would be ignored.", fix);
    }

    private static boolean isDefaultsPaths(ConfigurationPropertyName name) {
        return "defaults".equals(uniform(name, 1)) && "paths".equals(uniform(name, 2));
    }

    private static List<String> candidatesFor(ConfigurationPropertyName name) {
        String first = uniform(name, 1);
        if ("policies".equals(first) && !"candidate".equals(uniform(name, 3))) {
            List<String> fields = new ArrayList<>(SETTINGS);
            fields.add(0, "paths");
            fields.add("candidate");
            return fields;
        }
        if ("defaults".equals(first) || "policies".equals(first)) {
            return SETTINGS;
        }
        return List.of("enabled", "defaults", "policies");
    }

    private static ConfigProblem unknownVariable(ConfigurationPropertyName name, ConfigurationPropertySource source) {
        ConfigurationProperty property = source.getConfigurationProperty(name);
        String variable = name.toString();
        if (property != null && property.getOrigin() instanceof SystemEnvironmentOrigin origin) {
            variable = origin.getProperty();
        }
        else if (property != null && property.getOrigin() instanceof PropertySourceOrigin origin) {
            variable = origin.getPropertyName();
        }
        return new ConfigProblem(Code.UNKNOWN_ENVIRONMENT_VARIABLE, variable, null,
                "Environment variable " + variable + " maps to " + name
                        + ", which is not a CORS property, so it is ignored.",
                "Ignore this if the variable belongs to another service; otherwise correct its name.");
    }

    /** The known key closest to the unknown one, when it is a plausible typo. */
    private static @Nullable String closest(String unknown, List<String> known) {
        return known.stream()
            .filter((candidate) -> distance(unknown, candidate) <= Math.max(2, candidate.length() / 3))
            .min(Comparator.comparingInt((String candidate) -> distance(unknown, candidate)))
            .orElse(null);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
