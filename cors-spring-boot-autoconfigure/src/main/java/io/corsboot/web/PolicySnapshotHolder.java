package io.corsboot.web;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The snapshot in force. Filters read it once per request; a new configuration replaces it whole.
 *
 * @since 0.1.0
 */
public final class PolicySnapshotHolder {

    private final AtomicReference<PolicySnapshot> snapshot;

    public PolicySnapshotHolder(PolicySnapshot snapshot) {
        this.snapshot = new AtomicReference<>(snapshot);
    }

    /** The snapshot in force. */
    public PolicySnapshot get() {
        return this.snapshot.get();
    }

    /** Puts a new snapshot in force for every request that starts from now on. */
    public void set(PolicySnapshot snapshot) {
        this.snapshot.set(snapshot);
    }
}
