package io.corsboot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.ConfigProblem;
import io.corsboot.core.CorsConfigurationException;

/**
 * The snapshot in force. Filters, the endpoint and metrics read it once per request or call; a change replaces it
 * whole. Changes are applied one at a time, each to the snapshot the last one left, so that none is lost.
 *
 * @since 0.1.0
 */
public final class PolicySnapshotHolder {

    private final AtomicReference<PolicySnapshot> snapshot;

    private volatile @Nullable List<ConfigProblem> refused;

    // Guarded by this, as every change is.
    private final List<Listener> listeners = new ArrayList<>();

    public PolicySnapshotHolder(PolicySnapshot snapshot) {
        this.snapshot = new AtomicReference<>(snapshot);
    }

    /** The snapshot in force. */
    public PolicySnapshot get() {
        return this.snapshot.get();
    }

    /**
     * Puts in force the snapshot that a change makes of the one in force.
     * @param change makes the new snapshot from the one in force
     * @return the snapshot now in force
     * @throws CorsConfigurationException when the change cannot be compiled; the snapshot in force stays
     */
    public synchronized PolicySnapshot update(UnaryOperator<PolicySnapshot> change) {
        PolicySnapshot next = apply(change);
        changed();
        return next;
    }

    /**
     * Puts in force the snapshot of a new configuration, or refuses the configuration whole when it has errors:
     * the snapshot in force then stays and the errors are kept for {@link #refused()} until a later configuration
     * is put in force.
     * @param change makes the new snapshot from the one in force
     * @return the errors of a refused configuration, or null when it was put in force
     */
    public synchronized @Nullable List<ConfigProblem> reconfigure(UnaryOperator<PolicySnapshot> change) {
        try {
            apply(change);
            this.refused = null;
        }
        catch (CorsConfigurationException ex) {
            this.refused = ex.getProblems();
        }
        changed();
        return this.refused;
    }

    private PolicySnapshot apply(UnaryOperator<PolicySnapshot> change) {
        PolicySnapshot next = change.apply(this.snapshot.get());
        this.snapshot.set(next);
        return next;
    }

    /** The errors of the last configuration refused since one was put in force, or null. */
    public @Nullable List<ConfigProblem> refused() {
        return this.refused;
    }

    /**
     * Tells a listener what is in force now, then after every change, one change at a time and in order: a listener
     * never sees an older state after a newer one. Listeners run on the thread that makes the change, never on a
     * request.
     * @param listener the listener
     */
    public synchronized void addListener(Listener listener) {
        this.listeners.add(listener);
        listener.onChange(this.snapshot.get(), this.refused);
    }

    private void changed() {
        PolicySnapshot current = this.snapshot.get();
        List<ConfigProblem> refusal = this.refused;
        this.listeners.forEach((listener) -> listener.onChange(current, refusal));
    }

    /**
     * Told of the snapshot in force and of a refused configuration.
     *
     * @since 0.1.0
     */
    @FunctionalInterface
    public interface Listener {

        /**
         * Called with what is in force after a change, or when the listener is added.
         * @param snapshot the snapshot in force
         * @param refused the errors of the last configuration refused since one was put in force, or null
         */
        void onChange(PolicySnapshot snapshot, @Nullable List<ConfigProblem> refused);
    }
}
