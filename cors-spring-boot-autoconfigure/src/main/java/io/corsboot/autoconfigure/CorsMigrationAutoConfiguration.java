package io.corsboot.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.CorsEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.ConfigurableEnvironment;

import io.corsboot.migration.ActuatorCorsSource;
import io.corsboot.migration.GatewayCorsSource;
import io.corsboot.migration.MigrationReport.ConfigurationReport;
import io.corsboot.migration.MigrationReport.Shadow;
import io.corsboot.migration.MigrationReporter;
import io.corsboot.migration.MvcCorsSource;
import io.corsboot.migration.ReactiveCorsBeansSource;
import io.corsboot.migration.ServletCorsBeansSource;
import io.corsboot.migration.SpringCorsInventory;
import io.corsboot.migration.SpringCorsSource;
import io.corsboot.migration.WebFluxCorsSource;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the migration report: the sources of the CORS configurations
 * Spring applies in the application, the reporter that the {@code cors} endpoint serves at
 * {@code /actuator/cors/migration}, and one line at startup when policies shadow some of them.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CorsAutoConfiguration.class,
        afterName = "org.springframework.cloud.gateway.config.GatewayAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnBean(PolicySnapshotHolder.class)
@ImportRuntimeHints(MigrationRuntimeHints.class)
public final class CorsMigrationAutoConfiguration {

    private static final Log logger = LogFactory.getLog(CorsMigrationAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    MigrationReporter corsMigrationReporter(ObjectProvider<SpringCorsSource> sources,
            PolicySnapshotHolder corsPolicySnapshotHolder, ConfigurableEnvironment environment) {
        SpringCorsInventory inventory = new SpringCorsInventory(sources);
        return new MigrationReporter(inventory::entries, corsPolicySnapshotHolder::get,
                new MigrationConfigurationCheck(environment));
    }

    @Bean
    ApplicationListener<ContextRefreshedEvent> corsMigrationStartupLog(ApplicationContext context,
            ObjectProvider<MigrationReporter> reporter) {
        return (event) -> {
            MigrationReporter migration = reporter.getIfAvailable();
            if (event.getApplicationContext() == context && migration != null && logger.isInfoEnabled()) {
                String line = shadowedLine(migration.shadowed());
                if (line != null) {
                    logger.info(line);
                }
            }
        };
    }

    /** The startup line, or null when no policy shadows a Spring CORS configuration. */
    static @Nullable String shadowedLine(List<ConfigurationReport> shadowed) {
        if (shadowed.isEmpty()) {
            return null;
        }
        Set<String> paths = new LinkedHashSet<>();
        shadowed.forEach((report) -> report.shadowedBy().stream().map(Shadow::paths).forEach(paths::addAll));
        return "CORS policies decide on " + shadowed.size() + " Spring CORS configuration"
                + ((shadowed.size() == 1) ? "" : "s") + " (" + String.join(", ", paths) + "), where Spring's "
                + "configuration no longer counts: GET /actuator/cors/migration lists each, with the policy that "
                + "decides there.";
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletSources {

        @Bean
        @ConditionalOnClass(name = "org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping")
        MvcCorsSource corsMigrationMvcSource(ApplicationContext context) {
            return new MvcCorsSource(context);
        }

        @Bean
        @ConditionalOnClass(name = "org.springframework.boot.web.servlet.FilterRegistrationBean")
        ServletCorsBeansSource corsMigrationServletBeansSource(ApplicationContext context) {
            return new ServletCorsBeansSource(context);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.reactive.config.WebFluxConfigurer")
    static class ReactiveSources {

        @Bean
        WebFluxCorsSource corsMigrationWebFluxSource(ApplicationContext context) {
            return new WebFluxCorsSource(context);
        }

        @Bean
        ReactiveCorsBeansSource corsMigrationReactiveBeansSource(ApplicationContext context) {
            return new ReactiveCorsBeansSource(context);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.cloud.gateway.config.GlobalCorsProperties")
    static class GatewaySources {

        @Bean
        @ConditionalOnBean(type = { "org.springframework.cloud.gateway.config.GlobalCorsProperties",
                "org.springframework.cloud.gateway.route.RouteLocator" })
        GatewayCorsSource corsMigrationGatewaySource(GlobalCorsProperties globalCors, RouteLocator routes) {
            return new GatewayCorsSource(globalCors, routes);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.endpoint.web.CorsEndpointProperties")
    static class ActuatorSource {

        @Bean
        ActuatorCorsSource corsMigrationActuatorSource(
                ObjectProvider<CorsEndpointProperties> cors,
                ObjectProvider<WebEndpointProperties> web) {
            return new ActuatorCorsSource(cors, web);
        }
    }
}
