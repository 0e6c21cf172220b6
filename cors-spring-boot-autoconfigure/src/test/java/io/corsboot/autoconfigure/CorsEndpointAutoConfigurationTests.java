package io.corsboot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.corsboot.actuate.CorsEndpoint;
import io.corsboot.actuate.CorsEndpoint.CheckDescriptor;
import io.corsboot.actuate.CorsEndpoint.CheckParameters;
import io.corsboot.actuate.CorsEndpoint.CorsDescriptor;
import io.corsboot.actuate.CorsEndpointWebExtension;
import io.corsboot.actuate.ReactiveCorsEndpointWebExtension;
import io.corsboot.actuate.ReactiveCorsEndpointWebExtension.ArrivalOriginWebFilter;
import io.corsboot.core.Reason;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;

class CorsEndpointAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsEndpointAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=cors", "cors.policies.api.paths=/api/**",
                "cors.policies.api.allowed-origins=https://app.example.com");

    @Test
    void providesTheEndpointAndItsServletExtensionWhenExposed() {
        this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CorsEndpoint.class)
            .hasSingleBean(CorsEndpointWebExtension.class)
            .doesNotHaveBean(ReactiveCorsEndpointWebExtension.class));
    }

    @Test
    void providesTheReactiveExtensionAndItsFilterOnWebFlux() {
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=cors")
            .run((context) -> assertThat(context).hasSingleBean(CorsEndpoint.class)
                .hasSingleBean(ReactiveCorsEndpointWebExtension.class)
                .hasSingleBean(ArrivalOriginWebFilter.class)
                .doesNotHaveBean(CorsEndpointWebExtension.class));
    }

    @Test
    void providesNoEndpointWhenItIsNotExposed() {
        this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
            .run((context) -> assertThat(context).doesNotHaveBean(CorsEndpoint.class));
    }

    @Test
    void providesNoEndpointWhenAccessIsNone() {
        this.contextRunner.withPropertyValues("management.endpoint.cors.access=NONE")
            .run((context) -> assertThat(context).doesNotHaveBean(CorsEndpoint.class));
    }

    @Test
    void startsWithoutActuator() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CorsEndpoint.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesTheEndpoint() {
        this.contextRunner.withBean("customCorsEndpoint", CorsEndpoint.class,
                () -> new CorsEndpoint(new PolicySnapshotHolder(PolicySnapshot.empty()), true))
            .run((context) -> assertThat(context).hasSingleBean(CorsEndpoint.class).hasBean("customCorsEndpoint"));
    }

    @Test
    void saysSoWhenCorsIsDisabled() {
        this.contextRunner.withPropertyValues("cors.enabled=false").run((context) -> {
            CorsEndpoint endpoint = context.getBean(CorsEndpoint.class);
            CorsDescriptor listing = endpoint.policies();
            assertThat(listing.enabled()).isFalse();
            assertThat(listing.policies()).isEmpty();
            CheckDescriptor check = endpoint.check("check", "/api/orders", "https://app.example.com", null, null,
                    null, null, null);
            assertThat(check).isNotNull();
            assertThat(check.reason()).isEqualTo(Reason.NO_POLICY);
            assertThat(check.explanation()).isEqualTo("CORS is disabled (cors.enabled=false), so no filter is "
                    + "installed and the application answers alone.");
        });
    }

    @Test
    void listsThePoliciesWhenEnabled() {
        this.contextRunner.run((context) -> {
            CorsDescriptor listing = context.getBean(CorsEndpoint.class).policies();
            assertThat(listing.enabled()).isTrue();
            assertThat(listing.policies()).singleElement()
                .satisfies((policy) -> assertThat(policy.name()).isEqualTo("api"));
        });
    }

    @Test
    void knowsNoArrivalOriginOutsideAWebRequest() {
        this.contextRunner.run((context) -> {
            CheckDescriptor check = context.getBean(CorsEndpoint.class)
                .evaluate("check", new CheckParameters("/api/orders", "http://localhost", null, null, null, null, null),
                        null);
            assertThat(check).isNotNull();
            assertThat(check.reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED);
        });
    }
}
