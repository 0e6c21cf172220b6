package io.corsboot.core;

import java.util.Locale;

/**
 * The settings of a policy that a candidate may change, in the order the configuration declares them. Code that
 * handles the settings one by one does so in a {@code switch} over these constants without a {@code default}, so
 * that the compiler refuses it until it handles a new one.
 *
 * @since 0.1.0
 */
public enum PolicySetting {

    ALLOWED_ORIGINS(false),
    ALLOWED_ORIGIN_PATTERNS(false),
    ALLOWED_METHODS(true),
    ALLOWED_HEADERS(true),
    EXPOSED_HEADERS(true),
    ALLOW_CREDENTIALS(true),
    ALLOW_PRIVATE_NETWORK(true),
    MAX_AGE(true);

    private final String key;

    private final boolean ordered;

    PolicySetting(boolean ordered) {
        this.key = name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.ordered = ordered;
    }

    /** The setting's key as the configuration spells it, such as {@code allowed-origins}. */
    public String key() {
        return this.key;
    }

    /** Whether the order of a list value changes a response, so that comparisons of configurations keep it. */
    public boolean ordered() {
        return this.ordered;
    }
}
