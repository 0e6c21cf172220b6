package io.corsboot.core;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.corsboot.core.OriginParser.InvalidOrigin;

import static org.assertj.core.api.Assertions.assertThat;

/** What each form of origin pattern matches, and the near misses it must not. */
class OriginMatcherTests {

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            "https://*.example.com, https://a.example.com, true",
            "https://*.example.com, https://a.b.example.com, true",
            "https://*.example.com, https://example.com, false",
            "https://*.example.com, https://a.example.com.evil.net, false",
            "https://app-*.example.com, https://app-pr-17.example.com, true",
            "https://app-*.example.com, https://app-1.example.com, true",
            "https://app-*.example.com, https://app-.example.com, false",
            "https://app-*.example.com, https://app-a.b.example.com, false",
            "https://app-*.example.com, https://x.app-a.example.com, false",
            "https://app-*.example.com, https://app-x.example.com.evil.net, false",
            "https://app-*.example.com, https://evilapp-x.example.com, false",
            "https://app-*.example.com, https://app_x.example.com, false",
            "https://app-*.example.com, https://app-x_y.example.com, false",
            "https://app-*.example.com, https://app-x.example.com:8443, false",
            "https://app-*.example.com, http://app-x.example.com, false",
            "https://*-preview.example.com:[*], https://pr-7-preview.example.com:8443, true",
            "https://*-preview.example.com:[*], https://-preview.example.com, false",
            "https://*-preview.example.com:[*], https://pr-7-preview-x.example.com, false",
            "https://pr-*-app.example.com, https://pr-7-app.example.com, true",
            "https://pr-*-app.example.com, https://pr--app.example.com, false",
            "https://pr-*-app.example.com, https://pr---app.example.com, true",
            "https://pr-*-app.example.com, https://pr-app.example.com, false" })
    void matchesTheOriginsThePatternDescribes(String pattern, String origin, boolean allowed) throws InvalidOrigin {
        OriginMatcher matcher = new OriginMatcher(false, List.of(), List.of(),
                List.of(OriginParser.parsePattern(pattern)));
        assertThat(matcher.allows(origin)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
            "https://app-*.example.com, https://*.example.com, https://app-x.example.com",
            "https://app-*.example.com, https://*.example.com, https://a.b.example.com",
            "https://app-*.example.com, https://api.example.com, https://api.example.com",
            "https://app-*.example.com, https://*-preview.example.com, https://x-preview.example.com" })
    void aLabelPatternLivesBesideTheOtherPatternsOfItsDomain(String first, String second, String origin)
            throws InvalidOrigin {
        OriginMatcher matcher = new OriginMatcher(false, List.of(), List.of(),
                List.of(OriginParser.parsePattern(first), OriginParser.parsePattern(second)));
        assertThat(matcher.allows(origin)).isTrue();
    }
}
