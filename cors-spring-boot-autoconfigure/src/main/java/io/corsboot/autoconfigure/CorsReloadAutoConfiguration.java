package io.corsboot.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.corsboot.core.OriginSupplier;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that changes the policies while the application runs: with
 * the origins of {@link OriginSupplier} beans, and, when Spring Cloud Context is present, on every refresh of the
 * {@code cors.*} configuration.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CorsAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "cors.enabled", matchIfMissing = true)
@ConditionalOnBean(PolicySnapshotHolder.class)
public final class CorsReloadAutoConfiguration {

    @Bean
    OriginSupplierRegistrar corsOriginSupplierRegistrar(ListableBeanFactory beanFactory,
            PolicySnapshotHolder corsPolicySnapshotHolder, Environment environment) {
        return new OriginSupplierRegistrar(beanFactory, corsPolicySnapshotHolder,
                CorsPropertiesBinder.supplierStartupTimeout(environment));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = OnCorsPoliciesCondition.ENVIRONMENT_CHANGE_EVENT)
    static class RefreshConfiguration {

        @Bean
        LoadedPropertyView corsLoadedPropertyView() {
            return new LoadedPropertyView();
        }

        @Bean
        CorsConfigurationReloader corsConfigurationReloader(PolicySnapshotHolder corsPolicySnapshotHolder,
                Environment environment, LoadedPropertyView corsLoadedPropertyView) {
            return new CorsConfigurationReloader(corsPolicySnapshotHolder, environment, corsLoadedPropertyView);
        }
    }
}
