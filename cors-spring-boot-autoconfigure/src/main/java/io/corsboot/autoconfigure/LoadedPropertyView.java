package io.corsboot.autoconfigure;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

import io.corsboot.web.PolicySnapshot;

/**
 * The {@link CorsPropertyView} that the policies in force were read from, where that is known: recorded as they are
 * read at startup and at every reload put in force, so that a refresh that leaves {@code cors.*} as it was keeps them
 * without reading them again. Present only where a refresh can reload them (Spring Cloud Context).
 */
final class LoadedPropertyView {

    private volatile @Nullable CorsPropertyView view;

    /**
     * Loads the policies and records the view they were read from. The view is taken first: a change made while the
     * policies are read then differs from it, and the next refresh reads them again.
     */
    PolicySnapshot load(Environment environment, Supplier<PolicySnapshot> load) {
        CorsPropertyView before = CorsPropertyView.of(environment);
        PolicySnapshot snapshot = load.get();
        this.view = before;
        return snapshot;
    }

    /** The view the policies in force were read from, or null when unknown. */
    @Nullable CorsPropertyView get() {
        return this.view;
    }

    void set(@Nullable CorsPropertyView view) {
        this.view = view;
    }
}
