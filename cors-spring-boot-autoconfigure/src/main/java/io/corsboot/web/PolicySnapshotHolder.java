package io.corsboot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import io.corsboot.core.CorsConfigurationException;

/**
 * The snapshot in force. Filters, the endpoint and metrics read it once per request or call; a change replaces it
 * whole. Changes are applied one at a time, each to the snapshot the last one left, so that none is lost.
 *
 * @since 0.1.0
 */
public final class PolicySnapshotHolder {

    private final AtomicReference<PolicySnapshot> snapshot;

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
     * Puts in force the snapshot that a change makes of the one in force: a new configuration, or new origins from a
     * supplier. A configuration with errors is refused whole: the policies in force stay, and the snapshot that
     * keeps them carries the errors ({@link PolicySnapshot#refused()}) until a configuration is put in force.
     * @param change makes the new snapshot from the one in force
     * @return the snapshot now in force
     */
    public synchronized PolicySnapshot change(UnaryOperator<PolicySnapshot> change) {
        PolicySnapshot current = this.snapshot.get();
        PolicySnapshot next;
        try {
            next = change.apply(current);
        }
        catch (CorsConfigurationException ex) {
            next = current.refusing(ex.getProblems());
        }
        this.snapshot.set(next);
        for (Listener listener : this.listeners) {
            listener.onChange(next);
        }
        return next;
    }

    /**
     * Tells a listener what is in force now, then after every change, one change at a time and in order: a listener
     * never sees an older state after a newer one. Listeners run on the thread that makes the change, never on a
     * request.
     * @param listener the listener
     */
    public synchronized void addListener(Listener listener) {
        this.listeners.add(listener);
        listener.onChange(this.snapshot.get());
    }

    /**
     * Told of the snapshot in force.
     *
     * @since 0.1.0
     */
    @FunctionalInterface
    public interface Listener {

        /**
         * Called with what is in force after a change, or when the listener is added.
         * @param snapshot the snapshot in force, with the errors of a refused configuration
         */
        void onChange(PolicySnapshot snapshot);
    }
}
