package io.corsboot.web;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.CorsHeaders;
import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.DecisionListener;

/**
 * Reports at INFO, at most once a minute per policy, how many requests a policy's candidate would have decided
 * otherwise than the policy, with one sample origin: how an operator learns, from real traffic, which callers a
 * stricter policy would break. Where no verdicts differ it does nothing and allocates nothing.
 *
 * @since 0.1.0
 */
public final class CandidateReport implements DecisionListener {

    private static final Log logger = LogFactory.getLog(CandidateReport.class);

    static final long INTERVAL = Duration.ofMinutes(1).toNanos();

    private final ConcurrentHashMap<String, PolicyReport> reports = new ConcurrentHashMap<>();

    private final LongSupplier nanoTime;

    public CandidateReport() {
        this(System::nanoTime);
    }

    CandidateReport(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public void onDecision(Decision decision, @Nullable Decision candidate, CorsRequest request) {
        if (candidate == null || !decision.disagreesWith(candidate)) {
            return;
        }
        CompiledPolicy policy = decision.policy();
        if (policy != null) {
            this.reports.computeIfAbsent(policy.name(), PolicyReport::new)
                .record(decision, candidate, request.header(CorsHeaders.ORIGIN), this.nanoTime.getAsLong());
        }
    }

    /** The disagreements of one policy since its last report. */
    private static final class PolicyReport {

        private final String policy;

        private final AtomicLong count = new AtomicLong();

        private final AtomicLong nextReport = new AtomicLong(Long.MIN_VALUE);

        private volatile @Nullable String sampleOrigin;

        private volatile @Nullable Decision sampleDecision;

        private volatile @Nullable Decision sampleCandidate;

        PolicyReport(String policy) {
            this.policy = policy;
        }

        void record(Decision decision, Decision candidate, @Nullable String origin, long now) {
            this.count.incrementAndGet();
            if (this.sampleDecision == null) {
                this.sampleOrigin = origin;
                this.sampleCandidate = candidate;
                this.sampleDecision = decision;
            }
            long next = this.nextReport.get();
            if ((next == Long.MIN_VALUE || now - next >= 0) && this.nextReport.compareAndSet(next, now + INTERVAL)) {
                report();
            }
        }

        private void report() {
            Decision decision = this.sampleDecision;
            Decision candidate = this.sampleCandidate;
            String origin = this.sampleOrigin;
            this.sampleDecision = null;
            long count = this.count.getAndSet(0);
            if (decision == null || candidate == null || !logger.isInfoEnabled()) {
                return;
            }
            logger.info("The candidate of CORS policy '" + this.policy + "' disagreed with the policy on " + count
                    + ((count == 1) ? " request" : " requests") + " since the last report, such as one from origin "
                    + CorsDecider.quoted(origin) + ": the policy " + verdict(decision) + " it, the candidate "
                    + verdict(candidate) + " it (" + candidate.reason() + "). The metric cors.candidate counts them.");
        }

        private static String verdict(Decision decision) {
            return decision.allowed() ? "allowed" : "rejected";
        }
    }
}
