package io.corsboot.metrics;

import java.util.Locale;
import java.util.Objects;

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

    private static final int REASONS = Reason.values().length;

    private final MeterRegistry registry;

    private final PolicyCounters counters = new PolicyCounters(Decision.Kind.values().length * REASONS);

    public MicrometerDecisionListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onDecision(Decision decision, @Nullable Decision candidate, CorsRequest request) {
        if (!decision.isCrossOriginVerdict()) {
            return;
        }
        String policy = Objects.requireNonNull(decision.policy()).name();
        int slot = decision.kind().ordinal() * REASONS + decision.reason().ordinal();
        Counter counter = this.counters.get(policy, slot);
        if (counter == null) {
            counter = this.counters.put(policy, slot, register(decision));
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
