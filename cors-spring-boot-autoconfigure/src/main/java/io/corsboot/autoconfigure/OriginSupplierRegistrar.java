package io.corsboot.autoconfigure;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import io.corsboot.core.ConfigProblem;
import io.corsboot.core.OriginSupplier;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.SuppliedOriginValidator;
import io.corsboot.core.SuppliedOrigins;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * Reads the origins of every {@link OriginSupplier} bean once all singletons exist (before the server takes
 * requests), and again whenever a supplier signals a change: then only its policy is rebuilt.
 */
final class OriginSupplierRegistrar implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(OriginSupplierRegistrar.class);

    private final ListableBeanFactory beanFactory;

    private final PolicySnapshotHolder snapshots;

    private final PolicyCompiler compiler = CorsConfigurationLoader.compiler();

    private final SuppliedOriginValidator validator = new SuppliedOriginValidator(PublicSuffixes::isPublicSuffix,
            PolicySpecs::policyProperty);

    OriginSupplierRegistrar(ListableBeanFactory beanFactory, PolicySnapshotHolder snapshots) {
        this.beanFactory = beanFactory;
        this.snapshots = snapshots;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, OriginSupplier> suppliers = new TreeMap<>(this.beanFactory.getBeansOfType(OriginSupplier.class));
        suppliers.forEach((name, supplier) -> {
            Source source = new Source(name, supplier);
            SuppliedOrigins origins = source.read();
            if (origins != null) {
                logger.info("CORS policy '" + origins.policy() + "': " + origins.size() + " origins supplied by "
                        + name + ".");
            }
            supplier.onChange(source);
        });
    }

    /** One supplier, read again on its signal; one reading at a time, so that an older one never wins. */
    private final class Source implements OriginSupplier.ChangeSignal {

        private final String name;

        private final OriginSupplier supplier;

        Source(String name, OriginSupplier supplier) {
            this.name = name;
            this.supplier = supplier;
        }

        @Override
        public void originsChanged() {
            read();
        }

        synchronized @Nullable SuppliedOrigins read() {
            long start = System.nanoTime();
            String policy;
            Collection<String> origins;
            Collection<String> patterns;
            try {
                policy = this.supplier.policy();
                origins = this.supplier.origins();
                patterns = this.supplier.originPatterns();
            }
            catch (RuntimeException ex) {
                logger.warn("Could not read the origins that " + this.name
                        + " supplies for CORS; the origins in force are unchanged.", ex);
                return null;
            }
            // Only this source puts its own origins in a snapshot, one reading at a time, so the origins read here
            // are the ones the update replaces.
            SuppliedOrigins previous = OriginSupplierRegistrar.this.snapshots.get().supplied(this.name);
            SuppliedOrigins validated = OriginSupplierRegistrar.this.validator.validate(this.name, policy, origins,
                    patterns, previous);
            OriginSupplierRegistrar.this.snapshots
                .change((current) -> current.withSupplied(validated, OriginSupplierRegistrar.this.compiler));
            reportDropped(previous, validated);
            if (logger.isDebugEnabled()) {
                logger.debug("CORS policy '" + policy + "': " + validated.size() + " origins supplied by " + this.name
                        + ", rebuilt in " + TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start) + " us.");
            }
            return validated;
        }

        // Each dropped value is logged once, when it first appears; the endpoint lists all of them.
        private void reportDropped(@Nullable SuppliedOrigins before, SuppliedOrigins after) {
            Set<ConfigProblem> known = (before != null) ? new HashSet<>(before.dropped()) : Set.of();
            after.dropped().stream().filter((problem) -> !known.contains(problem))
                .forEach((problem) -> logger.warn(PolicyLog.describe(problem)));
        }
    }
}
