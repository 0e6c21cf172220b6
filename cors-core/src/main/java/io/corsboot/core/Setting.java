package io.corsboot.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A configured value and the property it came from, so that a problem points at the line to change.
 *
 * @param value the value, after inheritance from defaults
 * @param property the property path that supplied it, such as {@code cors.defaults.allowed-methods}
 * @param <T> the value type
 * @since 0.1.0
 */
public record Setting<T>(T value, String property) {

    /** The property path of one element of a list value. */
    public String element(int index) {
        return this.property + "[" + index + "]";
    }

    /**
     * Each element of a list setting with the property path of its index in the list as configured, such as
     * {@code cors.policies.api.exposed-headers[1]}.
     * @param list the list setting
     * @return one setting per element, in order
     */
    public static List<Setting<String>> elements(Setting<List<String>> list) {
        List<String> values = list.value();
        List<Setting<String>> elements = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            elements.add(element(list, i));
        }
        return elements;
    }

    /**
     * One element of a list setting with the property path of its index, such as
     * {@code cors.policies.api.allowed-origins[3]}.
     * @param list the list setting
     * @param index the element's index in the list as configured
     * @return the element as a setting of its own
     */
    public static Setting<String> element(Setting<List<String>> list, int index) {
        return new Setting<>(list.value().get(index), list.element(index));
    }
}
