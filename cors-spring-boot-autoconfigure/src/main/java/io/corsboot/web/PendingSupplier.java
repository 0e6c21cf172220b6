package io.corsboot.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An origin supplier whose origins are pending: its reading has not answered yet, or its last reading failed and is
 * tried again. The origins of its last successful reading, if any, stay in force meanwhile.
 *
 * @param supplier the supplier's name, such as its bean name
 * @param policy the policy it supplies, or null while the supplier has not named it
 * @param state whether a reading is still under way or the last one failed
 * @param error what the last failed reading threw, or null while the first reading is under way
 * @param failedReadings how many readings failed since the supplier last answered
 * @param since when the supplier stopped answering: the start of its first reading, or its first failure since it
 * last answered
 * @since 0.1.0
 */
public record PendingSupplier(String supplier, @Nullable String policy, State state, @Nullable String error,
        int failedReadings, Instant since) {

    /**
     * Why a supplier's origins are pending.
     *
     * @since 0.1.0
     */
    public enum State {

        /** The reading has not answered within the time the application waits at startup, and goes on. */
        READING,

        /** The last reading failed; the supplier is read again, less and less often. */
        FAILED
    }
}
