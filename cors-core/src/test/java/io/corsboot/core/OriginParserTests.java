package io.corsboot.core;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.OriginParser.InvalidOrigin;
import io.corsboot.core.OriginParser.LabelWildcard;
import io.corsboot.core.OriginParser.OriginPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Configured origins are normalised to the form browsers send, and every mistake is named. */
class OriginParserTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://app-*.example.com | app- |  | example.com",
            "https://*-preview.example.com | | -preview | example.com",
            "https://pr-*-app.bücher.example | pr- | -app | xn--bcher-kva.example",
            "https://*example.com | | example | com" })
    void readsAWildcardInsideTheLeftmostLabel(String configured, String prefix, String suffix, String host)
            throws InvalidOrigin {
        OriginPattern pattern = OriginParser.parsePattern(configured);
        assertThat(pattern.label()).isEqualTo(new LabelWildcard((prefix != null) ? prefix : "",
                (suffix != null) ? suffix : ""));
        assertThat(pattern.host()).isEqualTo(host);
        assertThat(pattern.subdomains()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://app.example.com, https://app.example.com",
            "https://A.Example.COM:443, https://a.example.com",
            "HTTP://localhost:80, http://localhost",
            "http://localhost:8080, http://localhost:8080",
            "https://bücher.example, https://xn--bcher-kva.example",
            "http://[0:0:0:0:0:0:0:1]:8080, http://[::1]:8080",
            "http://[2001:DB8:0:0:1:0:0:1], http://[2001:db8::1:0:0:1]",
            "http://[::FFFF:1.2.3.4], http://[::ffff:102:304]",
            "capacitor://localhost, capacitor://localhost",
            "chrome-extension://abcdefghijklmnopabcdefghijklmnop, chrome-extension://abcdefghijklmnopabcdefghijklmnop",
            "tauri://localhost, tauri://localhost",
            "null, null" })
    void normalisesExactOrigins(String configured, String serialised) throws InvalidOrigin {
        assertThat(OriginParser.parseExact(configured).serialised()).isEqualTo(serialised);
    }

    @Test
    void keepsAnOriginConfiguredInSerialisedFormAsItIsRatherThanACopy() throws InvalidOrigin {
        String configured = new String("https://app.example.com:8443");
        assertThat(OriginParser.parseExact(configured).serialised()).isSameAs(configured);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "app.example.com, ORIGIN_WITHOUT_SCHEME",
            "localhost:8080, ORIGIN_WITHOUT_SCHEME",
            "https://app.example.com/, ORIGIN_HAS_PATH",
            "https://app.example.com/path, ORIGIN_HAS_PATH",
            "https://app.example.com?q, ORIGIN_HAS_PATH",
            "https://app.example.com#top, ORIGIN_HAS_PATH",
            "https://user:secret@app.example.com, ORIGIN_HAS_USERINFO",
            "https://app.example.com:0, ORIGIN_MALFORMED",
            "https://app.example.com:65536, ORIGIN_MALFORMED",
            "https://app..example.com, ORIGIN_MALFORMED",
            "https://app.example.com., ORIGIN_MALFORMED",
            "'https://app .example.com', ORIGIN_MALFORMED",
            "https://*.example.com, ORIGIN_MALFORMED",
            "http://[::1, ORIGIN_MALFORMED",
            "http://[, ORIGIN_MALFORMED",
            "http://[], ORIGIN_MALFORMED",
            "http://[:8080, ORIGIN_MALFORMED",
            "https://, ORIGIN_MALFORMED" })
    void namesEveryMistakeInAnExactOrigin(String configured, Code code) {
        assertThatExceptionOfType(InvalidOrigin.class).isThrownBy(() -> OriginParser.parseExact(configured))
            .satisfies((ex) -> assertThat(ex.code()).isEqualTo(code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://*.example.com | https | example.com | true | 443",
            "https://*.Example.com:[8080,8081] | https | example.com | true | 8080 8081",
            "http://localhost:[*] | http | localhost | false | *",
            "http://*:[*] | http | | false | *",
            "https://* | https | | false | 443",
            "https://*.bücher.example | https | xn--bcher-kva.example | true | 443" })
    void readsPatterns(String configured, String scheme, String host, boolean subdomains, String ports)
            throws InvalidOrigin {
        OriginPattern pattern = OriginParser.parsePattern(configured);
        assertThat(pattern.scheme()).isEqualTo(scheme);
        assertThat(pattern.host()).isEqualTo(host);
        assertThat(pattern.subdomains()).isEqualTo(subdomains);
        assertThat((pattern.ports() != null) ? String.join(" ",
                Arrays.stream(pattern.ports()).mapToObj(String::valueOf).toList()) : "*").isEqualTo(ports);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://*.example.com | https://*.example.com",
            "HTTPS://*.Example.COM:443 | https://*.example.com",
            "https://*.example.com:[443] | https://*.example.com",
            "https://*.example.com:[8081,8080,8081] | https://*.example.com:[8080,8081]",
            "http://localhost:[8080] | http://localhost:8080",
            "http://LocalHost:[*] | http://localhost:[*]",
            "http://[0:0:0:0:0:0:0:1]:[*] | http://[::1]:[*]",
            "https://*.bücher.example | https://*.xn--bcher-kva.example",
            "https://App-*.Example.com | https://app-*.example.com",
            "https://*-Preview.example.com:[8443,443] | https://*-preview.example.com:[443,8443]",
            "https://*:[*] | https://*:[*]",
            "http://* | http://*",
            "* | *" })
    void normalisesPatternsToASpellingThatReadsBackTheSame(String configured, String serialised)
            throws InvalidOrigin {
        assertThat(OriginParser.parsePattern(configured).serialised()).isEqualTo(serialised);
        assertThat(OriginParser.parsePattern(serialised).serialised()).isEqualTo(serialised);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "https://*-*.example.com, PATTERN_WILDCARD_MISPLACED",
            "https://app**.example.com, PATTERN_WILDCARD_MISPLACED",
            "https://app-*, PATTERN_WILDCARD_MISPLACED",
            "https://app.*.example.com, PATTERN_WILDCARD_MISPLACED",
            "https://app.ex*ample.com, PATTERN_WILDCARD_MISPLACED",
            "https://app_*.example.com, PATTERN_WILDCARD_MISPLACED",
            "*://example.com, PATTERN_WILDCARD_MISPLACED",
            "chrome-extension://*, PATTERN_SCHEME_NOT_HTTP",
            "*.example.com, ORIGIN_WITHOUT_SCHEME",
            "https://*.example.com/, ORIGIN_HAS_PATH",
            "'https://*.example.com:[80,x]', ORIGIN_MALFORMED",
            "http://[, ORIGIN_MALFORMED",
            "https://[:[*], ORIGIN_MALFORMED" })
    void namesEveryMistakeInAPattern(String configured, Code code) {
        assertThatExceptionOfType(InvalidOrigin.class).isThrownBy(() -> OriginParser.parsePattern(configured))
            .satisfies((ex) -> assertThat(ex.code()).isEqualTo(code));
    }

    @Test
    void suggestsTheValueWithoutItsWhitespace() {
        assertThatExceptionOfType(InvalidOrigin.class)
            .isThrownBy(() -> OriginParser.parsePattern("http://localhost:[8080, 8081]"))
            .satisfies((ex) -> assertThat(ex.fix()).contains("\"http://localhost:[8080,8081]\""));
    }
}
