package io.corsboot.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import org.jspecify.annotations.Nullable;

/**
 * The counters of one meter, by policy name and slot, each registered on first use. Keyed by policy name, not by
 * policy or decision: a reload recompiles policies, and the counters must not grow with every reload.
 */
final class PolicyCounters {

    private final int slots;

    private final Map<String, AtomicReferenceArray<Counter>> counters = new ConcurrentHashMap<>();

    PolicyCounters(int slots) {
        this.slots = slots;
    }

    /** The counter of a policy's slot, or null until one is {@linkplain #put put} there. Allocates nothing. */
    @Nullable Counter get(String policy, int slot) {
        AtomicReferenceArray<Counter> byPolicy = this.counters.get(policy);
        return (byPolicy != null) ? byPolicy.get(slot) : null;
    }

    /**
     * Keeps a counter in a policy's slot and returns it. Registering the same meter twice returns the same counter,
     * so two threads that race to register one put the same instance.
     */
    Counter put(String policy, int slot, Counter counter) {
        this.counters.computeIfAbsent(policy, (name) -> new AtomicReferenceArray<>(this.slots)).set(slot, counter);
        return counter;
    }
}
