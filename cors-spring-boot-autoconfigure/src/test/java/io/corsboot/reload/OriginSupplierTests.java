package io.corsboot.reload;

import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.corsboot.actuate.CorsEndpoint.CheckDescriptor;
import io.corsboot.actuate.CorsEndpoint.CheckParameters;
import io.corsboot.actuate.CorsEndpoint;
import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.OriginSupplier;
import io.corsboot.testing.BootLine;
import io.corsboot.testing.TenantOrigins;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** An application bean that supplies origins for a policy, on a real server. */
@ExtendWith(OutputCaptureExtension.class)
class OriginSupplierTests {

    private static ConfigurableApplicationContext context;

    private static int port;

    private static TenantOrigins tenants;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(ReloadTestApplication.class, TenantsConfiguration.class).run(
                "--server.port=0", "--cors.policies.tenants.paths=/tenants/**",
                "--cors.policies.tenants.allowed-origins=https://app.example.com",
                "--management.endpoints.web.exposure.include=cors");
        port = BootLine.webServer(context).getPort();
        tenants = context.getBean(TenantOrigins.class);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void originsAreReadBeforeTheFirstRequest() throws Exception {
        assertThat(allowOrigin("https://first.example.com")).isEqualTo("https://first.example.com");
        assertThat(allowOrigin("https://app.example.com")).isEqualTo("https://app.example.com");
    }

    @Test
    void anAddedOriginIsAllowedAfterItsChangeSignal() throws Exception {
        assertThat(allowOrigin("https://added.example.com")).isNull();
        tenants.change(List.of("https://first.example.com", "https://added.example.com"));
        assertThat(allowOrigin("https://added.example.com")).isEqualTo("https://added.example.com");
        assertThat(endpoint().policies().policies()).singleElement()
            .satisfies((policy) -> {
                assertThat(policy.suppliedOrigins()).isEqualTo(2);
                assertThat(policy.allowedOrigins()).containsExactly("https://app.example.com");
            });
        CheckDescriptor check = endpoint().evaluate("check",
                new CheckParameters("/tenants/1", "https://added.example.com", "GET", null, null, null, null), null);
        assertThat(check.allowed()).isTrue();
        tenants.change(List.of("https://first.example.com"));
    }

    @Test
    void theListingCountsAnOriginThatTwoSuppliersGiveOnce() {
        assertThat(endpoint().policies().policies()).singleElement()
            .satisfies((policy) -> assertThat(policy.suppliedOrigins()).isEqualTo(1));
    }

    @Test
    void theFingerprintChangesWithTheSuppliedOrigins() {
        String before = endpoint().policies().fingerprint();
        tenants.change(List.of("https://first.example.com", "https://other.example.com"));
        String after = endpoint().policies().fingerprint();
        tenants.change(List.of("https://first.example.com"));
        assertThat(after).isNotEqualTo(before);
        assertThat(endpoint().policies().fingerprint()).isEqualTo(before);
    }

    @Test
    void aRemovedOriginIsRejectedAfterItsChangeSignal() throws Exception {
        tenants.change(List.of("https://first.example.com", "https://leaving.example.com"));
        assertThat(allowOrigin("https://leaving.example.com")).isEqualTo("https://leaving.example.com");
        tenants.change(List.of("https://first.example.com"));
        assertThat(ReloadTestApplication.send(port, "GET", "/tenants/1", "Origin", "https://leaving.example.com")
            .statusCode()).isEqualTo(403);
    }

    @Test
    void anInvalidOriginIsDroppedAndReportedWhileTheOthersApply(CapturedOutput output) throws Exception {
        tenants.change(List.of("https://first.example.com", "https://broken.example.com/", "*"));
        assertThat(allowOrigin("https://first.example.com")).isEqualTo("https://first.example.com");
        assertThat(allowOrigin("https://broken.example.com")).isNull();
        assertThat(allowOrigin("https://anyone.example.net")).isNull();
        assertThat(holder().get().warnings()).filteredOn((problem) -> problem.code() == Code.SUPPLIED_ORIGIN_DROPPED)
            .extracting(ConfigProblem::value).containsExactlyInAnyOrder("https://broken.example.com/", "*");
        assertThat(output).contains("cors.policies.tenants (supplied by tenants): \"https://broken.example.com/\" "
                + "has a trailing slash").contains("It is dropped; the other supplied origins apply.");
        tenants.change(List.of("https://first.example.com"));
        assertThat(holder().get().warnings()).isEmpty();
    }

    @Test
    void aSupplierThatFailsLeavesTheOriginsInForce(CapturedOutput output) throws Exception {
        // An origin only the failing supplier gives: the other supplier gives first.example.com too.
        tenants.change(List.of("https://first.example.com", "https://kept.example.com"));
        tenants.failing(true);
        try {
            tenants.signalChange();
        }
        finally {
            tenants.failing(false);
        }
        assertThat(allowOrigin("https://first.example.com")).isEqualTo("https://first.example.com");
        assertThat(allowOrigin("https://kept.example.com")).isEqualTo("https://kept.example.com");
        assertThat(output).contains("Could not read the origins that tenants supplies for CORS");
        tenants.change(List.of("https://first.example.com"));
    }

    private static CorsEndpoint endpoint() {
        return context.getBean(CorsEndpoint.class);
    }

    private static PolicySnapshotHolder holder() {
        return context.getBean(PolicySnapshotHolder.class);
    }

    private static String allowOrigin(String origin) throws Exception {
        return ReloadTestApplication.send(port, "GET", "/tenants/1", "Origin", origin).headers()
            .firstValue("Access-Control-Allow-Origin").orElse(null);
    }

    @Configuration(proxyBeanMethods = false)
    static class TenantsConfiguration {

        @Bean
        TenantOrigins tenants() {
            return new TenantOrigins("tenants", List.of("https://first.example.com"));
        }

        // A second supplier that gives one of the tenants' origins too, spelled differently.
        @Bean
        OriginSupplier partners() {
            return new OriginSupplier() {

                @Override
                public String policy() {
                    return "tenants";
                }

                @Override
                public Collection<String> origins() {
                    return List.of("https://First.example.com:443");
                }
            };
        }
    }
}
