package io.corsboot.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.mock.env.MockEnvironment;

import io.corsboot.actuate.CorsEndpoint.CheckDescriptor;
import io.corsboot.actuate.CorsEndpoint.CheckParameters;
import io.corsboot.actuate.CorsEndpoint.PolicyDescriptor;
import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Policies limited to hosts in the endpoint: listed with their hosts, and chosen by {@code check}'s host. */
class CheckHostTests {

    private static final ArrivalOrigin ARRIVAL = new ArrivalOrigin("https", "admin.example.com", 443);

    private final CorsEndpoint endpoint = new CorsEndpoint(new PolicySnapshotHolder(new CorsConfigurationLoader()
        .load(new MockEnvironment().withProperty("cors.policies.admin-api.paths", "/api/**")
            .withProperty("cors.policies.admin-api.hosts", "Admin.Example.com,*.admin.bücher.example")
            .withProperty("cors.policies.admin-api.allowed-origins", "https://console.example.com")
            .withProperty("cors.policies.api.paths", "/api/**")
            .withProperty("cors.policies.api.allowed-origins", "https://app.example.com"))),
            true);

    @Test
    void listsEachPolicysHostsInTheirAsciiFormAndNoneForEveryHost() {
        assertThat(this.endpoint.policies().policies()).extracting(PolicyDescriptor::name, PolicyDescriptor::hosts)
            .containsExactly(tuple("admin-api", List.of("admin.example.com", "*.admin.xn--bcher-kva.example")),
                    tuple("api", List.of()));
    }

    @Test
    void decidesWithThePolicyOfTheHostGiven() {
        assertThat(check("admin.example.com").policy()).isEqualTo("admin-api");
        assertThat(check("a.admin.xn--bcher-kva.example").policy()).isEqualTo("admin-api");
        assertThat(check("api.example.com").policy()).isEqualTo("api");
    }

    @Test
    void decidesWithThePolicyOfTheHostTheCheckArrivedOnByDefault() {
        assertThat(check(null).policy()).isEqualTo("admin-api");
    }

    @Test
    void refusesAHostThatIsNotAHostName() {
        assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> check("*.example.com"))
            .withMessage("Invalid host '*.example.com'");
        assertThatExceptionOfType(InvalidEndpointRequestException.class)
            .isThrownBy(() -> check("admin.example.com:8443"));
    }

    private CheckDescriptor check(@Nullable String host) {
        CheckDescriptor check = this.endpoint.evaluate("check",
                new CheckParameters("/api/users", "https://console.example.com", "GET", null, null, null, host),
                ARRIVAL);
        assertThat(check).isNotNull();
        return check;
    }
}
