package io.corsboot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the {@code cors.policies} gauge: the number of policies in force, tagged with their {@code fingerprint} and a
 * {@code state}: {@code refused} while the last configuration change is refused, else {@code pending} while the
 * origins of some supplier are pending (its reading has not answered, or failed and is tried again), else
 * {@code applied}. A registry holds one such gauge at a time, so that instances per fingerprint can be counted across
 * a fleet.
 *
 * @since 0.1.0
 */
public final class PoliciesGauge implements AutoCloseable {

    /** Name of the gauge. */
    public static final String NAME = "cors.policies";

    private final MeterRegistry registry;

    private @Nullable Shown shown;

    private boolean closed;

    public PoliciesGauge(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Shows the policies in force, replacing the gauge when their fingerprint or state changed.
     * @param fingerprint the fingerprint of the policies in force
     * @param count how many policies are in force
     * @param refused whether the last configuration change was refused
     * @param pending whether the origins of some supplier are pending
     */
    public synchronized void show(String fingerprint, int count, boolean refused, boolean pending) {
        String state = refused ? "refused" : (pending ? "pending" : "applied");
        Shown before = this.shown;
        if (this.closed || (before != null && before.fingerprint().equals(fingerprint)
                && before.state().equals(state))) {
            return;
        }
        // Removed before the next one is registered: a scrape in between misses the instance for once, rather than
        // count it under two fingerprints.
        remove();
        Gauge gauge = Gauge.builder(NAME, () -> count)
            .description("CORS policies in force, tagged with their fingerprint")
            .tag("fingerprint", fingerprint)
            .tag("state", state)
            .register(this.registry);
        this.shown = new Shown(fingerprint, state, gauge);
    }

    /** Removes the gauge; later changes register none. */
    @Override
    public synchronized void close() {
        this.closed = true;
        remove();
    }

    private void remove() {
        if (this.shown != null) {
            this.registry.remove(this.shown.gauge());
            this.shown = null;
        }
    }

    private record Shown(String fingerprint, String state, Gauge gauge) {
    }
}
