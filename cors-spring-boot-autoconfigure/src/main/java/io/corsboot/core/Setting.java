package io.corsboot.core;

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
}
