package io.corsboot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import io.corsboot.core.ConfigProblem;
import io.corsboot.core.OriginSupplier;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.SuppliedOriginValidator;
import io.corsboot.core.SuppliedOrigins;
import io.corsboot.web.PendingSupplier;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * Reads the origins of every {@link OriginSupplier} bean once all singletons exist, before the server takes
 * requests, and again whenever a supplier signals a change: then only its policy is rebuilt. Startup waits for the
 * first readings at most {@code cors.suppliers.startup-timeout}; a reading still under way then goes on, and a reading
 * that fails is tried again, less and less often, until the supplier answers. Until then the snapshot in force lists
 * the supplier as {@link PendingSupplier pending}.
 */
final class OriginSupplierRegistrar implements SmartInitializingSingleton, DisposableBean {

    private static final Log logger = LogFactory.getLog(OriginSupplierRegistrar.class);

    private final ListableBeanFactory beanFactory;

    private final PolicySnapshotHolder snapshots;

    private final Duration startupTimeout;

    private final PolicyCompiler compiler = CorsConfigurationLoader.compiler();

    private final SuppliedOriginValidator validator = new SuppliedOriginValidator(PublicSuffixes::isPublicSuffix,
            PolicySpecs::policyProperty);

    private volatile @Nullable ThreadPoolTaskScheduler scheduler;

    private volatile boolean closed;

    OriginSupplierRegistrar(ListableBeanFactory beanFactory, PolicySnapshotHolder snapshots,
            Duration startupTimeout) {
        this.beanFactory = beanFactory;
        this.snapshots = snapshots;
        this.startupTimeout = startupTimeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, OriginSupplier> suppliers = new TreeMap<>(this.beanFactory.getBeansOfType(OriginSupplier.class));
        if (suppliers.isEmpty()) {
            return;
        }
        ThreadPoolTaskScheduler scheduler = scheduler(suppliers.size());
        this.scheduler = scheduler;
        List<Source> sources = new ArrayList<>();
        suppliers.forEach((name, supplier) -> sources.add(new Source(name, supplier, scheduler)));
        List<Future<?>> readings = new ArrayList<>();
        sources.forEach((source) -> readings.add(scheduler.submit(source::read)));
        awaitFirstReadings(readings);
        sources.forEach(Source::startedWithoutAnswer);
        sources.forEach((source) -> source.supplier.onChange(source));
    }

    // Owned rather than the application's TaskScheduler: a reading that hangs holds its thread, and must never hold
    // the application's scheduled tasks. One thread per supplier, so that one that hangs never delays another; the
    // threads end when idle, so that once every supplier has answered none is kept.
    private static ThreadPoolTaskScheduler scheduler(int suppliers) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(suppliers);
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("cors-origins-");
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.initialize();
        scheduler.getScheduledThreadPoolExecutor().setKeepAliveTime(1, TimeUnit.MINUTES);
        scheduler.getScheduledThreadPoolExecutor().allowCoreThreadTimeOut(true);
        return scheduler;
    }

    // The readings run in parallel, so startup waits the same with one supplier or several.
    private void awaitFirstReadings(List<Future<?>> readings) {
        long timeout;
        try {
            timeout = this.startupTimeout.toNanos();
        }
        catch (ArithmeticException ex) {
            // Above 292 years: as good as no bound.
            timeout = Long.MAX_VALUE;
        }
        long start = System.nanoTime();
        try {
            for (Future<?> reading : readings) {
                reading.get(Math.max(0, timeout - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
            }
        }
        catch (TimeoutException ex) {
            // Those still under way go on.
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException ex) {
            // A reading reports every exception of a supplier: what is left is an Error.
            throw new IllegalStateException("Could not read the origins of the CORS origin suppliers", ex.getCause());
        }
    }

    /** Stops the retries, and interrupts the readings under way, whose answers are then ignored. */
    @Override
    public void destroy() {
        this.closed = true;
        ThreadPoolTaskScheduler scheduler = this.scheduler;
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    /**
     * One supplier, read at startup, on its signal and on retries. Readings may overlap (a signal does not wait for a
     * reading that hangs), so each is numbered when it starts, and an answer never replaces that of a later reading.
     */
    private final class Source implements OriginSupplier.ChangeSignal {

        private final String name;

        private final OriginSupplier supplier;

        private final ThreadPoolTaskScheduler scheduler;

        private final AtomicLong readings = new AtomicLong();

        private final Instant created = Instant.now();

        private volatile @Nullable String policy;

        // Guarded by this, as is everything below: the reading whose origins are in force, the latest reading whose
        // outcome, answer or failure, is known, and the supplier's pending state.
        private long applied;

        private long known;

        private @Nullable PendingSupplier pending;

        private @Nullable BackOffExecution backOff;

        private @Nullable ScheduledFuture<?> retry;

        Source(String name, OriginSupplier supplier, ThreadPoolTaskScheduler scheduler) {
            this.name = name;
            this.supplier = supplier;
            this.scheduler = scheduler;
            // Known before the first reading starts, so that a reading that hangs is listed under its policy.
            try {
                this.policy = supplier.policy();
            }
            catch (RuntimeException ex) {
                // The reading fails the same way, and says why.
            }
        }

        @Override
        public void originsChanged() {
            cancelRetry();
            read();
        }

        void read() {
            long reading = this.readings.incrementAndGet();
            String policy;
            Collection<String> origins;
            Collection<String> patterns;
            try {
                policy = this.supplier.policy();
                this.policy = policy;
                origins = this.supplier.origins();
                patterns = this.supplier.originPatterns();
            }
            catch (RuntimeException ex) {
                failed(reading, ex);
                return;
            }
            answered(reading, policy, origins, patterns);
        }

        private synchronized void answered(long reading, String policy, Collection<String> origins,
                Collection<String> patterns) {
            if (OriginSupplierRegistrar.this.closed || reading <= this.applied) {
                return;
            }
            long start = System.nanoTime();
            PendingSupplier before = this.pending;
            boolean latest = reading > this.known;
            if (latest) {
                this.known = reading;
                this.pending = null;
                this.backOff = null;
                cancelRetry();
            }
            PendingSupplier pending = this.pending;
            // Only this source puts its own origins in a snapshot, one answer at a time, so the origins read here
            // are the ones the update replaces.
            SuppliedOrigins previous = OriginSupplierRegistrar.this.snapshots.get().supplied(this.name);
            SuppliedOrigins validated = OriginSupplierRegistrar.this.validator.validate(this.name, policy, origins,
                    patterns, previous);
            OriginSupplierRegistrar.this.snapshots.change((current) -> current
                .withSupplied(validated, OriginSupplierRegistrar.this.compiler)
                .withPending(this.name, pending));
            this.applied = reading;
            reportDropped(previous, validated);
            String supplied = "CORS policy '" + policy + "': " + validated.size() + " origins supplied by " + this.name;
            if (latest && before != null) {
                logger.info(supplied + ((before.state() == PendingSupplier.State.READING)
                        ? ", whose first reading answered after the application started without them."
                        : ", which answered again after " + before.failedReadings() + " failed readings."));
            }
            else if (previous == null) {
                logger.info(supplied + ".");
            }
            else if (logger.isDebugEnabled()) {
                logger.debug(supplied + ", rebuilt in " + TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start)
                        + " us.");
            }
        }

        private synchronized void failed(long reading, RuntimeException ex) {
            if (OriginSupplierRegistrar.this.closed || reading < this.known) {
                return;
            }
            this.known = reading;
            PendingSupplier before = this.pending;
            boolean firstFailure = before == null || before.state() == PendingSupplier.State.READING;
            PendingSupplier pending = new PendingSupplier(this.name, this.policy, PendingSupplier.State.FAILED,
                    ex.toString(), (before != null) ? before.failedReadings() + 1 : 1,
                    (before != null) ? before.since() : Instant.now());
            this.pending = pending;
            OriginSupplierRegistrar.this.snapshots.change((current) -> current.withPending(this.name, pending));
            long delay = scheduleRetry();
            String retrying = "Reading them again in " + shown(Duration.ofMillis(delay))
                    + ", then less and less often, until it answers.";
            if (firstFailure) {
                logger.warn("Could not read the origins that " + this.name + " supplies for " + policyName() + "; "
                        + ((this.applied > 0) ? "the origins in force are unchanged."
                                : "the policy goes without them until it answers.")
                        + " " + retrying, ex);
            }
            else if (logger.isDebugEnabled()) {
                logger.debug("Could not read the origins that " + this.name + " supplies for " + policyName()
                        + " again (" + pending.failedReadings() + " failed readings): " + ex + ". " + retrying);
            }
        }

        /** Marks a supplier whose first reading has not answered within the startup wait, and goes on. */
        synchronized void startedWithoutAnswer() {
            if (OriginSupplierRegistrar.this.closed || this.known > 0 || this.applied > 0) {
                return;
            }
            PendingSupplier pending = new PendingSupplier(this.name, this.policy, PendingSupplier.State.READING, null,
                    0, this.created);
            this.pending = pending;
            OriginSupplierRegistrar.this.snapshots.change((current) -> current.withPending(this.name, pending));
            logger.warn(this.name + " has not supplied the origins of " + policyName() + " within "
                    + shown(OriginSupplierRegistrar.this.startupTimeout)
                    + " (cors.suppliers.startup-timeout), so the application starts without them; they apply "
                    + "as soon as the reading answers.");
        }

        private static String shown(Duration duration) {
            long millis = duration.toMillis();
            return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
        }

        private String policyName() {
            String policy = this.policy;
            return (policy != null) ? "CORS policy '" + policy + "'" : "CORS";
        }

        // Guarded by this. Returns the delay, in milliseconds.
        private long scheduleRetry() {
            if (this.backOff == null) {
                // Every origin the supplier gives is refused until it answers, so it is tried again soon, then at
                // most a minute apart, which a database coming back from an outage can bear from many instances.
                ExponentialBackOff retries = new ExponentialBackOff(1000, 2);
                retries.setMaxInterval(TimeUnit.MINUTES.toMillis(1));
                this.backOff = retries.start();
            }
            long interval = this.backOff.nextBackOff();
            // Between half and all of the interval: instances that lost the same database at once do not all read
            // it again at once.
            long delay = interval / 2 + ThreadLocalRandom.current().nextLong(interval / 2 + 1);
            cancelRetry();
            try {
                this.retry = this.scheduler.schedule(this::read, Instant.now().plusMillis(delay));
            }
            catch (TaskRejectedException ex) {
                // The application is closing.
            }
            return delay;
        }

        private synchronized void cancelRetry() {
            if (this.retry != null) {
                this.retry.cancel(false);
                this.retry = null;
            }
        }

        // Each dropped value is logged once, when it first appears; the endpoint lists all of them.
        private void reportDropped(@Nullable SuppliedOrigins before, SuppliedOrigins after) {
            Set<ConfigProblem> known = (before != null) ? new HashSet<>(before.dropped()) : Set.of();
            after.dropped().stream().filter((problem) -> !known.contains(problem))
                .forEach((problem) -> logger.warn(PolicyLog.describe(problem)));
        }
    }
}
