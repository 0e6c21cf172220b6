package io.corsboot.metrics;

import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.DecisionListener;
import io.corsboot.core.Reason;

/**
 * Counts {@code cors.candidate}: the requests that a policy's candidate would have decided otherwise than the
 * policy, tagged {@code policy}, {@code enforced} and {@code candidate} ({@code allowed} or {@code rejected}) and
 * {@code reason} (the candidate's). Counters are created once and cached, so counting allocates nothing.
 *
 * @since 0.1.0
 */
public final class CandidateMetrics implements DecisionListener {

    static final String NAME = "cors.candidate";

    private static final Reason[] REASONS = Reason.values();

    private final MeterRegistry registry;

    private final ConcurrentHashMap<String, Counter[]> counters = new ConcurrentHashMap<>();

    public CandidateMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onDecision(Decision decision, @Nullable Decision candidate, CorsRequest request) {
        if (candidate == null || candidate.allowed() == decision.allowed()) {
            return;
        }
        CompiledPolicy policy = decision.policy();
        if (policy == null) {
            return;
        }
        Counter[] byPolicy = this.counters.computeIfAbsent(policy.name(), (name) -> new Counter[2 * REASONS.length]);
        int index = (decision.allowed() ? REASONS.length : 0) + candidate.reason().ordinal();
        Counter counter = byPolicy[index];
        if (counter == null) {
            // A race registers the same meter twice, and the registry answers both with one instance.
            counter = Counter.builder(NAME)
                .description("Requests that a policy's candidate would have decided otherwise than the policy")
                .tag("policy", policy.name())
                .tag("enforced", verdict(decision))
                .tag("candidate", verdict(candidate))
                .tag("reason", candidate.reason().name())
                .register(this.registry);
            byPolicy[index] = counter;
        }
        counter.increment();
    }

    private static String verdict(Decision decision) {
        return decision.allowed() ? "allowed" : "rejected";
    }
}
