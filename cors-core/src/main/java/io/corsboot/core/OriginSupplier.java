package io.corsboot.core;

import java.util.Collection;
import java.util.List;

/**
 * Supplies origins for one policy from the application, such as a table of tenants, in addition to the policy's
 * configured ones. Declare an implementation as a bean. Supplied values are validated as configured ones are: an
 * invalid value is dropped and reported, and never opens the policy; {@code "*"}, {@code "null"} and patterns that
 * match every origin, or every domain under a public suffix, are always dropped. Supplied origins apply to the
 * policy and to its candidate.
 *
 * <p>The origins are read once when the policies are built, and again each time the supplier sends the signal it
 * is given: only the policy it supplies is then rebuilt, and origins validated before are not parsed again. A reading
 * that throws is tried again, less and less often, until one answers; startup waits for the first reading for a
 * bounded time only, after which it goes on in the background. Meanwhile the origins of the last reading that
 * answered stay in force.
 *
 * @since 0.1.0
 */
public interface OriginSupplier {

    /** The name of the policy, under {@code cors.policies}, that the origins are for. */
    String policy();

    /** Exact origins, such as {@code https://tenant.example.com}. */
    Collection<String> origins();

    /** Origin patterns, such as {@code https://*.tenant.example.com}; none by default. */
    default Collection<String> originPatterns() {
        return List.of();
    }

    /**
     * Receives, once, the signal to send whenever {@link #origins()} or {@link #originPatterns()} would answer
     * differently. The default ignores it: the origins are then read once, at startup.
     * @param signal the signal
     */
    default void onChange(ChangeSignal signal) {
    }

    /** Tells the starter that a supplier's origins changed. */
    @FunctionalInterface
    interface ChangeSignal {

        /**
         * Reads the supplier's origins again and puts a rebuilt policy in force before returning: requests that
         * start afterwards see the change. If the reading fails, the origins in force stay, and the supplier is read
         * again later until it answers.
         */
        void originsChanged();
    }
}
