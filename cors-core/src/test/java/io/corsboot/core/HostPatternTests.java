package io.corsboot.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The host names and {@code *.} patterns of a policy's {@code hosts}. */
class HostPatternTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "api.example.com, api.example.com", "API.Example.COM, api.example.com", "*.example.com, *.example.com",
            "*.Tenants.Example.com, *.tenants.example.com", "bücher.example, xn--bcher-kva.example", "localhost, localhost",
            "*.com, *.com" })
    void readsAHostOrAPatternInItsAsciiForm(String configured, String read) {
        assertThat(HostPattern.parse(configured)).hasToString(read);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "", "*", "*.", "https://api.example.com", "api.example.com:8443", "api.example.com/",
            "api..example.com", ".example.com", "api.*.example.com", "*api.example.com", "**.example.com",
            "api example.com", "api.example.com." })
    void refusesWhatIsNeitherAHostNorAPattern(String configured) {
        assertThat(HostPattern.parse(configured)).isNull();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({ "api.example.com, api.example.com, true", "api.example.com, API.example.com, true",
            "api.example.com, admin.example.com, false", "api.example.com, api.example.com.evil.net, false",
            "*.example.com, a.example.com, true", "*.example.com, a.b.example.com, true",
            "*.example.com, example.com, false", "*.example.com, evilexample.com, false",
            "*.example.com, example.com.evil.net, false", "*.example.com, .example.com, false" })
    void matchesTheHostItselfOrHostsUnderTheDomain(String pattern, String host, boolean matches) {
        assertThat(HostPattern.parse(pattern).rank(host) >= 0).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} outranks {1} for {2}")
    @CsvSource({ "api.example.com, *.example.com, api.example.com",
            "*.tenants.example.com, *.example.com, a.tenants.example.com" })
    void ranksTheHostItselfFirstThenTheLongerDomain(String better, String worse, String host) {
        assertThat(HostPattern.parse(better).rank(host)).isGreaterThan(HostPattern.parse(worse).rank(host));
    }

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({ "api.example.com, api.example.com, true", "api.example.com, admin.example.com, false",
            "api.example.com, *.example.com, true", "*.example.com, example.com, false",
            "*.example.com, *.tenants.example.com, true", "*.example.com, *.example.org, false",
            "*.example.com, *.example.com, true" })
    void overlapsWhereSomeHostMatchesBoth(String one, String other, boolean overlap) {
        assertThat(HostPattern.parse(one).overlaps(HostPattern.parse(other))).isEqualTo(overlap);
        assertThat(HostPattern.parse(other).overlaps(HostPattern.parse(one))).isEqualTo(overlap);
    }
}
