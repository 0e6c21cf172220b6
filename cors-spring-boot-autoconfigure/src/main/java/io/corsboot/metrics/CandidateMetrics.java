package io.corsboot.metrics;

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

    private static final int REASONS = Reason.values().length;

    private final MeterRegistry registry;

    // A slot per enforced verdict and candidate reason.
    private final PolicyCounters counters = new PolicyCounters(2 * REASONS);

    public CandidateMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onDecision(Decision decision, @Nullable Decision candidate, CorsRequest request) {
        if (candidate == null || !decision.disagreesWith(candidate)) {
            return;
        }
        CompiledPolicy policy = decision.policy();
        if (policy == null) {
            return;
        }
        int slot = (decision.allowed() ? REASONS : 0) + candidate.reason().ordinal();
        Counter counter = this.counters.get(policy.name(), slot);
        if (counter == null) {
            counter = this.counters.put(policy.name(), slot, register(policy, decision, candidate));
        }
        counter.increment();
    }

    private Counter register(CompiledPolicy policy, Decision decision, Decision candidate) {
        return Counter.builder(NAME)
            .description("Requests that a policy's candidate would have decided otherwise than the policy")
            .tag("policy", policy.name())
            .tag("enforced", verdict(decision))
            .tag("candidate", verdict(candidate))
            .tag("reason", candidate.reason().name())
            .register(this.registry);
    }

    private static String verdict(Decision decision) {
        return decision.allowed() ? "allowed" : "rejected";
    }
}
