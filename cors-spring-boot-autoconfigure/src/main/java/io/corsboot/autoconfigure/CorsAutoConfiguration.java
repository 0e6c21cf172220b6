package io.corsboot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.web.util.pattern.PathPattern;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.DecisionListener;
import io.corsboot.web.CandidateReport;
import io.corsboot.web.CorsDecider;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that reads the {@code cors.*} properties, validates them and
 * compiles the policies that the web filters and the endpoint share, and reports where a policy's candidate
 * disagrees with the policy.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(PathPattern.class)
@ImportRuntimeHints(CorsRuntimeHints.class)
public final class CorsAutoConfiguration {

    private static final Log logger = LogFactory.getLog(CorsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    PolicySnapshotHolder corsPolicySnapshotHolder(Environment environment,
            ObjectProvider<LoadedPropertyView> corsLoadedPropertyView) {
        if (!CorsPropertiesBinder.isEnabled(environment)) {
            return new PolicySnapshotHolder(PolicySnapshot.empty());
        }
        CorsConfigurationLoader loader = new CorsConfigurationLoader();
        // Where a refresh can reload the policies (Spring Cloud Context), what they were read from, to compare with.
        LoadedPropertyView loaded = corsLoadedPropertyView.getIfAvailable();
        PolicySnapshot snapshot = (loaded != null) ? loaded.load(environment, () -> loader.load(environment))
                : loader.load(environment);
        for (CompiledPolicy policy : snapshot.policies()) {
            logger.info(PolicyLog.describe(policy));
        }
        for (ConfigProblem warning : snapshot.warnings()) {
            logger.warn(PolicyLog.describe(warning));
        }
        return new PolicySnapshotHolder(snapshot);
    }

    @Bean
    @ConditionalOnMissingBean
    CorsDecider corsDecider(PolicySnapshotHolder corsPolicySnapshotHolder,
            ObjectProvider<DecisionListener> listeners) {
        return new CorsDecider(corsPolicySnapshotHolder, listeners.orderedStream().toList());
    }

    // An INFO line at most once a minute per policy whose candidate disagrees with it.
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "cors.enabled", matchIfMissing = true)
    CandidateReport corsCandidateReport() {
        return new CandidateReport();
    }
}
