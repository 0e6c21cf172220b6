package io.corsboot.autoconfigure;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Environment variables cannot spell dashes, so {@code CORS_POLICIES_PARTNERAPI_PATHS_0} binds a policy
 * {@code partnerapi} beside {@code partner-api}. The binder already gives both the same merged values, so a name that
 * only environment variables use is dropped where another source spells it out.
 */
final class EnvironmentVariableAliases {

    private EnvironmentVariableAliases() {
    }

    static void drop(CorsProperties properties, Environment environment) {
        Set<String> names = properties.getPolicies().keySet();
        // Where no two names alias each other, as in most configurations, the sources need not be read.
        Set<String> aliases = new HashSet<>();
        for (String name : names) {
            aliases.add(alias(name));
        }
        if (aliases.size() == names.size()) {
            return;
        }
        Set<String> spelledOut = new HashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable && !isEnvironmentVariables(source)) {
                iterable.filter(CorsPropertiesBinder.POLICIES::isAncestorOf)
                    .stream()
                    .filter((name) -> name.getNumberOfElements() > 2)
                    .forEach((name) -> spelledOut.add(name.getElement(2, Form.ORIGINAL)));
            }
        }
        names.removeIf((name) -> !spelledOut.contains(name) && names.stream()
            .anyMatch((other) -> !other.equals(name) && alias(other).equals(alias(name))));
    }

    static boolean isEnvironmentVariables(ConfigurationPropertySource source) {
        return source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
    }

    private static String alias(String policyName) {
        return policyName.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
