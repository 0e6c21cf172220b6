package io.corsboot.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.CorsConfigurationException;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * Rebuilds the policies when Spring Cloud reports that properties changed (after {@code POST /actuator/refresh}, for
 * example) and {@code cors.*} is not as it was. The configuration is bound afresh from the environment, never by
 * rebinding: rebinding merges maps, so a removed policy would survive. A configuration with errors is refused whole.
 * A refresh that leaves {@code cors.*} as it was in every property source ({@link CorsPropertyView}) keeps the policies
 * in force without reading them again.
 */
final class CorsConfigurationReloader implements ApplicationListener<EnvironmentChangeEvent>, Ordered {

    private static final Log logger = LogFactory.getLog(CorsConfigurationReloader.class);

    private final PolicySnapshotHolder snapshots;

    private final Environment environment;

    private final LoadedPropertyView loaded;

    private final CorsConfigurationLoader loader = new CorsConfigurationLoader();

    CorsConfigurationReloader(PolicySnapshotHolder snapshots, Environment environment, LoadedPropertyView loaded) {
        this.snapshots = snapshots;
        this.environment = environment;
        this.loaded = loaded;
    }

    /**
     * First among the event's listeners: the policies are read from the environment itself, not from the beans that
     * other listeners rebind (every {@code @ConfigurationProperties} bean, for Spring Cloud's rebinder), so they come
     * in force without waiting for those.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /**
     * Whatever keys the event names: a key outside {@code cors} changes {@code cors.*} too when a value under it names
     * the key in a placeholder. The views tell whether {@code cors.*} changed.
     */
    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        reload();
    }

    // One reload at a time, so that the view recorded is the one the policies in force were read from.
    private synchronized void reload() {
        CorsPropertyView view = CorsPropertyView.of(this.environment);
        if (view != null && view.equals(this.loaded.get())) {
            // The current sources' references, so that the sources a refresh replaced can be collected.
            this.loaded.set(view);
            logger.debug("The refresh left cors.* as it was; the CORS policies in force are kept.");
            return;
        }
        this.loaded.set(null);
        PolicySnapshot before = this.snapshots.get();
        PolicySnapshot after = this.snapshots.change((current) -> this.loader.load(this.environment, current));
        List<ConfigProblem> refused = after.refused();
        if (refused != null) {
            // No view, so that the next refresh reads cors.* again: it reports the same errors again, or puts in force
            // a configuration put back as it was, which clears the refusal.
            CorsConfigurationException exception = new CorsConfigurationException(refused);
            FailureAnalysis report = new CorsConfigurationFailureAnalyzer(this.environment).analyze(exception,
                    exception);
            logger.error(String.format("Refused the new CORS configuration; the policies in force are unchanged.%n%n"
                    + "%s%n%nAction: %s", report.getDescription(), report.getAction()));
            return;
        }
        this.loaded.set(view);
        Set<CompiledPolicy> kept = new HashSet<>(before.policies());
        Set<String> names = new HashSet<>();
        after.policies().forEach((policy) -> names.add(policy.name()));
        logger.info("Reloaded the CORS configuration: " + after.policies().size() + " policies, "
                + after.policies().stream().filter(kept::contains).count() + " of them unchanged.");
        after.policies().stream().filter((policy) -> !kept.contains(policy))
            .forEach((policy) -> logger.info(PolicyLog.describe(policy)));
        before.policies().stream().filter((policy) -> !names.contains(policy.name()))
            .forEach((policy) -> logger.info("CORS policy '" + policy.name() + "' was removed."));
        Set<ConfigProblem> known = new HashSet<>(before.warnings());
        after.warnings().stream().filter((warning) -> !known.contains(warning))
            .forEach((warning) -> logger.warn(PolicyLog.describe(warning)));
    }
}
