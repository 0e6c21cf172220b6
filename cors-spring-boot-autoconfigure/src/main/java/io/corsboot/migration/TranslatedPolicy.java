package io.corsboot.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;

import io.corsboot.core.PolicySetting;

/**
 * A Spring {@link CorsConfiguration} as a policy's {@code cors.*} properties, from which the values the starter
 * refuses are removed one property at a time.
 */
final class TranslatedPolicy {

    // What Spring allows when a configuration lists no methods (CorsConfiguration.checkHttpMethod).
    private static final List<String> SPRING_DEFAULT_METHODS = List.of(HttpMethod.GET.name(),
            HttpMethod.HEAD.name());

    private final String name;

    // By key: a list of values, or one value.
    private final Map<String, Object> settings;

    private boolean dropped;

    // The properties the check refused in its last round.
    private final List<String> refused = new ArrayList<>();

    private TranslatedPolicy(String name, Map<String, Object> settings) {
        this.name = name;
        this.settings = settings;
    }

    static TranslatedPolicy of(String name, List<String> paths, CorsConfiguration configuration) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("paths", new ArrayList<>(paths));
        list(settings, PolicySetting.ALLOWED_ORIGINS, configuration.getAllowedOrigins());
        list(settings, PolicySetting.ALLOWED_ORIGIN_PATTERNS, configuration.getAllowedOriginPatterns());
        List<String> methods = configuration.getAllowedMethods();
        list(settings, PolicySetting.ALLOWED_METHODS, (methods != null) ? methods : SPRING_DEFAULT_METHODS);
        list(settings, PolicySetting.ALLOWED_HEADERS, configuration.getAllowedHeaders());
        list(settings, PolicySetting.EXPOSED_HEADERS, configuration.getExposedHeaders());
        if (Boolean.TRUE.equals(configuration.getAllowCredentials())) {
            settings.put(PolicySetting.ALLOW_CREDENTIALS.key(), "true");
        }
        if (Boolean.TRUE.equals(configuration.getAllowPrivateNetwork())) {
            settings.put(PolicySetting.ALLOW_PRIVATE_NETWORK.key(), "true");
        }
        Long maxAge = configuration.getMaxAge();
        if (maxAge != null) {
            settings.put(PolicySetting.MAX_AGE.key(), Long.toString(maxAge));
        }
        return new TranslatedPolicy(name, settings);
    }

    private static void list(Map<String, Object> settings, PolicySetting setting, @Nullable List<String> values) {
        if (values != null && !values.isEmpty()) {
            settings.put(setting.key(), new ArrayList<>(values));
        }
    }

    /** Adds methods to those the policy allows, after them and each once: another handler's of the same path. */
    @SuppressWarnings("unchecked")
    void addMethods(@Nullable List<String> methods) {
        List<Object> allowed = (List<Object>) this.settings.get(PolicySetting.ALLOWED_METHODS.key());
        if (allowed == null || allowed.contains(CorsConfiguration.ALL)) {
            return;
        }
        List<String> added = (methods != null) ? methods : SPRING_DEFAULT_METHODS;
        if (added.contains(CorsConfiguration.ALL)) {
            allowed.clear();
            allowed.add(CorsConfiguration.ALL);
            return;
        }
        for (String method : added) {
            if (!allowed.contains(method)) {
                allowed.add(method);
            }
        }
    }

    String name() {
        return this.name;
    }

    /** The full name of one of this policy's properties. */
    String property(String key) {
        return "cors.policies." + this.name + "." + key;
    }

    /** Whether a property, as a problem names it, is one of this policy's. */
    boolean owns(String property) {
        return property.equals("cors.policies." + this.name) || property.startsWith(property(""));
    }

    boolean isDropped() {
        return this.dropped || !this.settings.containsKey("paths");
    }

    /** Leaves the whole policy out. */
    void drop() {
        this.dropped = true;
    }

    /**
     * Leaves out, once {@link #removeRefused} is called, the value a property names: one element of a list by its
     * index, else the whole setting; the whole policy when the problem names it, or once it has no paths left.
     */
    void refuse(String property) {
        this.refused.add(property);
    }

    /**
     * Leaves out every value refused since the last call. The indexes count the values the check was given, which
     * leave out those removed before, so all of them are resolved before any is removed.
     */
    void removeRefused() {
        List<Runnable> removals = new ArrayList<>();
        for (String property : this.refused) {
            String key = property.startsWith(property("")) ? property.substring(property("").length()) : "";
            int bracket = key.indexOf('[');
            String setting = (bracket >= 0) ? key.substring(0, bracket) : key;
            Object values = this.settings.get(setting);
            if (values == null) {
                removals.add(() -> this.dropped = true);
            }
            else if (bracket >= 0 && values instanceof List<?> list && key.endsWith("]")) {
                int position = position(list, Integer.parseInt(key.substring(bracket + 1, key.length() - 1)));
                if (position >= 0) {
                    removals.add(() -> list.set(position, null));
                }
            }
            else {
                removals.add(() -> this.settings.remove(setting));
            }
        }
        this.refused.clear();
        removals.forEach(Runnable::run);
        this.settings.entrySet()
            .removeIf((setting) -> setting.getValue() instanceof List<?> list && present(list).isEmpty());
    }

    // Where the index-th value still present is, or -1.
    private static int position(List<?> values, int index) {
        for (int i = 0, present = -1; i < values.size(); i++) {
            if (values.get(i) != null && ++present == index) {
                return i;
            }
        }
        return -1;
    }

    /** Adds this policy's properties, lists by index, as the check reads them. */
    void properties(Map<String, String> properties) {
        this.settings.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                List<?> present = present(list);
                for (int i = 0; i < present.size(); i++) {
                    properties.put(property(key) + "[" + i + "]", String.valueOf(present.get(i)));
                }
            }
            else {
                properties.put(property(key), String.valueOf(value));
            }
        });
    }

    /** This policy under {@code cors.policies}, indented by four spaces. */
    String yaml() {
        StringBuilder yaml = new StringBuilder("    ").append(this.name).append(":\n");
        this.settings.forEach((key, value) -> {
            yaml.append("      ").append(key).append(": ");
            if (value instanceof List<?> list) {
                yaml.append('[');
                List<?> present = present(list);
                for (int i = 0; i < present.size(); i++) {
                    yaml.append((i > 0) ? ", " : "").append(quoted(String.valueOf(present.get(i))));
                }
                yaml.append(']');
            }
            else {
                yaml.append(value);
            }
            yaml.append('\n');
        });
        return yaml.toString();
    }

    private static List<?> present(List<?> values) {
        return values.stream().filter((value) -> value != null).toList();
    }

    // A YAML double-quoted scalar: the backslash and the double quote escaped, and everything but printable ASCII
    // written as a four-digit escape, so that no value ends the line, closes the scalar, or holds a character that
    // YAML refuses.
    private static String quoted(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            }
            else if (c < 0x20 || c >= 0x7f) {
                quoted.append(String.format("\\u%04x", (int) c));
            }
            else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
