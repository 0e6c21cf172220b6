package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.PlaceholdersResolver;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.cloud.util.random.CachedRandomPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySource.StubPropertySource;

/**
 * What an environment's property sources hold under {@code cors}, source by source in the environment's order: each
 * name as the source spells it and its value, held by reference. Two views are equal when each source that holds
 * {@code cors.*} names holds the same names, in the same order, with equal values, so a binding of {@code cors.*}
 * reads the same from both. A value that holds a placeholder is held with what the binder's resolver makes of it
 * now, so that a change to the key it names is a change of the view. There is no view where a binding could read
 * something that a view cannot vouch for: a value that may change in place, or a property source that cannot list
 * its names.
 */
final class CorsPropertyView {

    private static final String CORS = "cors";

    private static final Object UNKNOWN = new Object();

    // For each source that holds names under cors: its Source, then each name followed by its value.
    private final Object[] entries;

    private CorsPropertyView(Object[] entries) {
        this.entries = entries;
    }

    /** The view of an environment, or null where it cannot be told whether cors.* is as it was. */
    static @Nullable CorsPropertyView of(Environment environment) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return null;
        }
        List<Object> entries = new ArrayList<>();
        PlaceholdersResolver placeholders = new PropertySourcesPlaceholdersResolver(configurable);
        try {
            return add(configurable.getPropertySources(), placeholders, entries)
                    ? new CorsPropertyView(entries.toArray()) : null;
        }
        catch (RuntimeException ex) {
            // A source that refuses to list its names (a security manager, say), or a placeholder that cannot be
            // resolved (one that names itself), is not one to vouch for: the binding reports the latter.
            return null;
        }
    }

    // The sources as Spring Boot's ConfigurationPropertySources reads them, nested environments included.
    private static boolean add(Iterable<PropertySource<?>> sources, PlaceholdersResolver placeholders,
            List<Object> entries) {
        for (PropertySource<?> source : sources) {
            if (source.getSource() instanceof ConfigurableEnvironment nested) {
                if (!add(nested.getPropertySources(), placeholders, entries)) {
                    return false;
                }
            }
            else if (source instanceof EnumerablePropertySource<?> enumerable) {
                if (!addEnumerable(enumerable, placeholders, entries)) {
                    return false;
                }
            }
            else if (!holdsNoCorsName(source)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a source that cannot list its names never answers one under cors: a stub, Spring Boot's view of the
     * other sources, and the random values of Spring Boot and Spring Cloud, which answer {@code random.*} and
     * {@code cachedrandom.*} alone. Any other, such as JNDI, may answer a name the binder asks for.
     */
    private static boolean holdsNoCorsName(PropertySource<?> source) {
        return source instanceof StubPropertySource
                || ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
                || source.getClass() == RandomValuePropertySource.class
                || source.getClass() == CachedRandomPropertySource.class;
    }

    private static boolean addEnumerable(EnumerablePropertySource<?> source, PlaceholdersResolver placeholders,
            List<Object> entries) {
        String prefix = PropertySourcePrefix.of(source);
        String prefixed = (prefix != null) ? lettersAndDigits(prefix) + CORS : null;
        boolean first = true;
        for (String name : source.getPropertyNames()) {
            if (mayBeUnderCors(name) || (prefixed != null && beginsWith(name, prefixed))) {
                Object value = comparable(source.getProperty(name), placeholders);
                if (value == UNKNOWN) {
                    return false;
                }
                if (first) {
                    entries.add(new Source(source.getClass(), source.getName(), prefix));
                    first = false;
                }
                entries.add(name);
                entries.add(value);
            }
        }
        return true;
    }

    /**
     * Whether Spring Boot may read a name as one under {@code cors}, in any of its forms; a few others
     * ({@code corsair.a}) answer yes too, which costs a comparison of views at most.
     */
    private static boolean mayBeUnderCors(String name) {
        return beginsWith(name, CORS);
    }

    /**
     * Whether a name's letters and digits begin with these, in lower case. Spring Boot compares names that way, ignoring
     * every other character, whatever the form ({@code cors.a}, {@code cors[a]}, {@code CORS_A}): a name it reads under
     * cors always begins so, and a few others ({@code corsair.a}) are compared too, which costs a reload at most.
     */
    private static boolean beginsWith(String name, String letters) {
        int matched = 0;
        for (int i = 0; i < name.length() && matched < letters.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (isLetterOrDigit(c)) {
                if (c != letters.charAt(matched)) {
                    return false;
                }
                matched++;
            }
        }
        return matched == letters.length();
    }

    private static String lettersAndDigits(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (isLetterOrDigit(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The value to compare, or UNKNOWN where an equal value may not bind the same. */
    private static @Nullable Object comparable(@Nullable Object value, PlaceholdersResolver placeholders) {
        if (value instanceof OriginTrackedValue tracked) {
            return comparable(tracked.getValue(), placeholders);
        }
        if (value instanceof String text) {
            // Bound as the binder's resolver resolves it: the same as long as that is the same.
            return text.contains("${") ? new Resolved(text, placeholders.resolvePlaceholders(text)) : text;
        }
        if (value instanceof CharSequence text) {
            // Read now: a file's content, say, which the next reading may change. The binder resolves placeholders
            // in Strings alone.
            return new Text(text.getClass(), text.toString());
        }
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof Double
                || value instanceof Float || value instanceof Character) {
            return value;
        }
        return UNKNOWN;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CorsPropertyView view && Arrays.equals(this.entries, view.entries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(this.entries);
    }

    /** A source that holds names under cors: what decides how Spring Boot reads its names. */
    private record Source(Class<?> type, String name, @Nullable String prefix) {
    }

    /** A value that is text but not a String: the binder converts it by its type. */
    private record Text(Class<?> type, String text) {
    }

    /** A value that holds a placeholder, with what it resolves to. */
    private record Resolved(String value, @Nullable Object resolved) {
    }
}
