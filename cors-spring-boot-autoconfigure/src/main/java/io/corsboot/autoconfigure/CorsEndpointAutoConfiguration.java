package io.corsboot.autoconfigure;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.server.WebFilter;

import io.corsboot.actuate.CorsEndpoint;
import io.corsboot.actuate.CorsEndpointWebExtension;
import io.corsboot.actuate.ReactiveCorsEndpointWebExtension;
import io.corsboot.actuate.ReactiveCorsEndpointWebExtension.ArrivalOriginWebFilter;
import io.corsboot.migration.MigrationReporter;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link CorsEndpoint}. It works whether or not
 * {@code cors.enabled} is true, so that the endpoint can say so.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CorsAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(CorsEndpoint.class)
@ConditionalOnBean(PolicySnapshotHolder.class)
@ImportRuntimeHints(CorsEndpointRuntimeHints.class)
public final class CorsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CorsEndpoint corsEndpoint(PolicySnapshotHolder corsPolicySnapshotHolder, Environment environment,
            ObjectProvider<MigrationReporter> migration) {
        return new CorsEndpoint(corsPolicySnapshotHolder, CorsPropertiesBinder.isEnabled(environment),
                migration.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnAvailableEndpoint(endpoint = CorsEndpoint.class, exposure = EndpointExposure.WEB)
    static class ServletWebExtensionConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CorsEndpointWebExtension corsEndpointWebExtension(CorsEndpoint corsEndpoint) {
            return new CorsEndpointWebExtension(corsEndpoint);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass({ Mono.class, WebFilter.class })
    @ConditionalOnAvailableEndpoint(endpoint = CorsEndpoint.class, exposure = EndpointExposure.WEB)
    static class ReactiveWebExtensionConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReactiveCorsEndpointWebExtension reactiveCorsEndpointWebExtension(CorsEndpoint corsEndpoint) {
            return new ReactiveCorsEndpointWebExtension(corsEndpoint);
        }

        // The endpoint's path is looked up on the first request: resolving it earlier would discover every
        // endpoint while the filters are still being created.
        @Bean
        ArrivalOriginWebFilter corsEndpointArrivalOriginWebFilter(ObjectProvider<PathMappedEndpoints> endpoints) {
            return new ArrivalOriginWebFilter(SingletonSupplier.of(() -> {
                PathMappedEndpoints mapped = endpoints.getIfAvailable();
                return (mapped != null) ? mapped.getPath(EndpointId.of("cors")) : null;
            }));
        }
    }
}
