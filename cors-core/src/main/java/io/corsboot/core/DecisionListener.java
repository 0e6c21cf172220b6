package io.corsboot.core;

import org.jspecify.annotations.Nullable;

/**
 * Told of every decision a policy makes, on the request thread: metrics and candidate reports listen here.
 * Implementations must be fast and must not throw.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DecisionListener {

    /**
     * Called once per request that a policy covers.
     * @param decision the enforced decision
     * @param candidate the decision of the policy's candidate, or null when it has none
     * @param request the request
     */
    void onDecision(Decision decision, @Nullable Decision candidate, CorsRequest request);
}
