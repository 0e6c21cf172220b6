package io.corsboot.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.DecisionListener;
import io.corsboot.core.Reason;

/**
 * {@link DecisionListener} that counts every cross-origin request a policy decides in the {@code cors.requests}
 * counter, tagged with the policy, the kind of request, the outcome and the reason. The origin is never a tag: its
 * values are chosen by callers, so they are unbounded.
 *
 * @since 0.1.0
 */
public class MicrometerDecisionListener implements DecisionListener {

    /** Name of the counter. */
    public static final String REQUESTS = "cors.requests";

    private final MeterRegistry registry;

    private static final int REASONS = Reason.values().length;

    private static final int SLOTS = Decision.Kind.values().length * REASONS;

    // Keyed by policy name, not by Decision: a reload recompiles policies into new Decision instances, and the
    // counters must not grow with every reload. Finding a registered counter allocates nothing.
    private final Map<String, AtomicReferenceArray<Counter>> counters = new ConcurrentHashMap<>();

    public MicrometerDecisionListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onDecision(Decision decision, @Nullable Decision candidate, CorsRequest request) {
        if (!decision.isCrossOriginVerdict()) {
            return;
        }
        String policy = Objects.requireNonNull(decision.policy()).name();
        AtomicReferenceArray<Counter> byDecision = this.counters.get(policy);
        if (byDecision == null) {
            byDecision = this.counters.computeIfAbsent(policy, (name) -> new AtomicReferenceArray<>(SLOTS));
        }
        int slot = decision.kind().ordinal() * REASONS + decision.reason().ordinal();
        Counter counter = byDecision.get(slot);
        if (counter == null) {
            // Registering the same meter twice returns the same counter, so a race here is harmless.
            counter = register(decision);
            byDecision.set(slot, counter);
        }
        counter.increment();
    }

    private Counter register(Decision decision) {
        return Counter.builder(REQUESTS)
            .description("Cross-origin requests decided by a CORS policy")
            .baseUnit("requests")
            .tag("policy", Objects.requireNonNull(decision.policy()).name())
            .tag("kind", decision.kind().name().toLowerCase(Locale.ROOT))
            .tag("outcome", decision.allowed() ? "allowed" : "rejected")
            .tag("reason", decision.reason().name())
            .register(this.registry);
    }
}
