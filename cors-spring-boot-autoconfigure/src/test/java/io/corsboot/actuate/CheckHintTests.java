package io.corsboot.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import io.corsboot.actuate.CorsEndpoint.CheckDescriptor;
import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.Reason;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The near-miss hints of {@code check} for a pattern with a {@code *} inside its leftmost label. */
class CheckHintTests {

    private final CorsEndpoint endpoint = new CorsEndpoint(new PolicySnapshotHolder(new CorsConfigurationLoader()
        .load(new MockEnvironment().withProperty("cors.policies.previews.paths", "/previews/**")
            .withProperty("cors.policies.previews.allowed-origin-patterns",
                    "http://localhost:[*],https://app-*.example.net:[*]"))),
            true);

    @Test
    void hintsThatTheWildcardInsideALabelNeverMatchesADot() {
        CheckDescriptor check = check("https://app-a.b.example.net");
        assertThat(check.reason()).isEqualTo(Reason.ORIGIN_NOT_ALLOWED);
        assertThat(check.hint()).isEqualTo("Pattern https://app-*.example.net:[*] matches one host label where its "
                + "* stands, and https://app-a.b.example.net has a dot there: a * inside a label never matches a dot. "
                + "Use a pattern such as https://*.example.net if every subdomain may call.");
    }

    @Test
    void hintsThatTheWildcardInsideALabelMatchesAtLeastOneCharacter() {
        assertThat(check("https://app-.example.net:8443").hint()).isEqualTo("Pattern https://app-*.example.net:[*] "
                + "needs at least one character where its * stands, and https://app-.example.net:8443 has none there.");
    }

    @Test
    void givesNoSuchHintForAnotherDomain() {
        assertThat(check("https://app-a.b.example.org").hint()).isNull();
    }

    private CheckDescriptor check(String origin) {
        CheckDescriptor check = this.endpoint.check("check", "/previews/build", origin, "GET", null, null, null, null);
        assertThat(check).isNotNull();
        return check;
    }
}
