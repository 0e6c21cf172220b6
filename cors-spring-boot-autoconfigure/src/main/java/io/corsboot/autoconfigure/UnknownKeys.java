package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;

import io.corsboot.autoconfigure.DeclaredKeys.Undeclared;
import io.corsboot.core.ClosestName;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.ConfigProblem.Code;

/**
 * Reports the names under {@code cors} that no property binds, each with the declared key closest to it. From
 * environment variables these are warnings, since platforms create variables such as {@code CORS_PORT} for services
 * named cors.
 */
final class UnknownKeys {

    private UnknownKeys() {
    }

    static List<ConfigProblem> problems(Collection<ConfigurationProperty> unbound) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigurationProperty property : unbound) {
            ConfigurationPropertyName name = property.getName();
            Undeclared undeclared = DeclaredKeys.undeclared(name);
            // A declared name is left unbound only by a value that does not convert, which is reported already.
            if (undeclared == null) {
                continue;
            }
            if (isUnderDefaults(name, "paths")) {
                problems.add(pathsInDefaults(name));
            }
            else if (isUnderDefaults(name, "hosts")) {
                problems.add(hostsInDefaults(name));
            }
            else if (EnvironmentVariableAliases.isEnvironmentVariables(property.getSource())) {
                problems.add(unknownVariable(property));
            }
            else {
                problems.add(unknownProperty(name, undeclared));
            }
        }
        return problems;
    }

    // What only a policy may set: paths and hosts.
    private static boolean isUnderDefaults(ConfigurationPropertyName name, String key) {
        return name.getNumberOfElements() > 2 && "defaults".equals(name.getElement(1, Form.UNIFORM))
                && key.equals(name.getElement(2, Form.UNIFORM));
    }

    private static ConfigProblem pathsInDefaults(ConfigurationPropertyName name) {
        return new ConfigProblem(Code.PATHS_IN_DEFAULTS, name.toString(), null,
                "Paths cannot be set under cors.defaults: every policy would inherit them, and two policies "
                        + "cannot cover the same paths.",
                "Move the paths to a policy, such as cors.policies.api.paths=/api/**.");
    }

    private static ConfigProblem hostsInDefaults(ConfigurationPropertyName name) {
        return new ConfigProblem(Code.HOSTS_IN_DEFAULTS, name.toString(), null,
                "Hosts cannot be set under cors.defaults: every policy would inherit them, and a policy's hosts say "
                        + "which requests it alone covers.",
                "Move the hosts to the policies they limit, such as cors.policies.admin-api.hosts=admin.example.com.");
    }

    private static ConfigProblem unknownProperty(ConfigurationPropertyName name, Undeclared undeclared) {
        String closest = ClosestName.closest(undeclared.element(), undeclared.keys());
        String fix = (closest != null) ? "Did you mean '" + closest + "'? Correct the key, or remove it."
                : "Remove it, or correct it to one of: " + String.join(", ", undeclared.keys()) + ".";
        return new ConfigProblem(Code.UNKNOWN_PROPERTY, name.toString(), null,
                "'" + undeclared.element() + "' is not a CORS property, so its value would be ignored.", fix);
    }

    private static ConfigProblem unknownVariable(ConfigurationProperty property) {
        ConfigurationPropertyName name = property.getName();
        String variable = name.toString();
        if (property.getOrigin() instanceof SystemEnvironmentOrigin origin) {
            variable = origin.getProperty();
        }
        else if (property.getOrigin() instanceof PropertySourceOrigin origin) {
            variable = origin.getPropertyName();
        }
        return new ConfigProblem(Code.UNKNOWN_ENVIRONMENT_VARIABLE, variable, null,
                "Environment variable " + variable + " maps to " + name
                        + ", which is not a CORS property, so it is ignored.",
                "Ignore this if the variable belongs to another service; otherwise correct its name.");
    }
}
