package io.corsboot.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.corsboot.actuate.CorsInfoContributor;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link CorsInfoContributor}, on unless
 * {@code management.info.cors.enabled} is false, as for Spring Boot's own info contributors.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CorsAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
@ConditionalOnEnabledInfoContributor("cors")
@ConditionalOnBean(PolicySnapshotHolder.class)
public final class CorsInfoContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CorsInfoContributor corsInfoContributor(PolicySnapshotHolder corsPolicySnapshotHolder) {
        return new CorsInfoContributor(corsPolicySnapshotHolder);
    }
}
