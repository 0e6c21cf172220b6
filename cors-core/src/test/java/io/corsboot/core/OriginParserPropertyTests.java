package io.corsboot.core;

import java.net.IDN;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.From;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.corsboot.core.OriginParser.ExactOrigin;
import io.corsboot.core.OriginParser.InvalidOrigin;
import io.corsboot.core.OriginParser.OriginPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests of the startup parser: whatever is configured, a mistake is reported as a problem with a reason and
 * a fix, never thrown as anything else, and what it accepts matches what browsers send.
 */
class OriginParserPropertyTests {

    private static final List<String> CONFIGURED = List.of("https://app.example.com", "https://*.example.com",
            "http://localhost:[*]", "https://*.app.test:[8443,9443]", "http://localhost:[8080, 8081]",
            "https://*example.com", "https://app-*.example.com", "*://example.com", "https://*.*.example.com",
            "https://*-preview.example.com:[8443]", "https://*-*.example.com", "https://app*", "https://pr-*-app.a.com",
            "https://app_*.example.com", "https://app.*.example.com",
            "https://*", "http://*:[*]", "*", "null", "http://[", "http://[]", "http://[::1", "http://[1.2.3.4]",
            "http://[::1]:[*]", "http://[::ffff:1.2.3.4]", "http://[0:0:0:0:0:0:0:1]:8080", "https://a.com:[",
            "https://a.com:[]", "https://a.com:[80,]", "https://a.com:[,]", "https://a.com:[99999999999]",
            "https://a.com:99999999999", "https://a.com:+80", "https://a.com:٨٠", "https://a.com:[*",
            "https://xn--.com", "https://" + "a".repeat(64) + ".com", "https://a\u3002com", "https://%61.com",
            "https://Bücher.example", "HTTPS://APP.EXAMPLE.COM:443", "capacitor://localhost",
            "chrome-extension://abcdefghijklmnop", "tauri://localhost", "app.example.com", "https://app.example.com/",
            "https://user@app.example.com", "https://app.example.com:8080/path?q#f", "https://", "https://:443",
            "https://.", "https://a..b", "http://\u0000", " https://app.example.com");

    private final PolicyCompiler compiler = new PolicyCompiler((host) -> "com".equals(host));

    @Property(tries = 3000)
    void acceptsAnExactOriginOnlyInTheFormBrowsersSend(@ForAll("configured") String value) throws InvalidOrigin {
        String expected = WrittenOrigin.serialisedExact(value);
        ExactOrigin origin;
        try {
            origin = OriginParser.parseExact(value);
        }
        catch (InvalidOrigin ex) {
            assertReported(ex);
            assertThat(expected).as("a well-formed origin refused: " + ex.getMessage()).isNull();
            if (WrittenOrigin.lacksScheme(value)) {
                assertThat(ex.code()).isEqualTo(ConfigProblem.Code.ORIGIN_WITHOUT_SCHEME);
            }
            return;
        }
        String serialised = origin.serialised();
        if (expected != null) {
            assertThat(serialised).isEqualTo(expected);
        }
        if (!"null".equals(serialised) && serialised.length() <= RequestOrigin.MAX_LENGTH) {
            assertThat(RequestOrigin.parse(serialised)).isNotEqualTo(RequestOrigin.MALFORMED);
        }
        assertThat(OriginParser.parseExact(serialised).serialised()).isEqualTo(serialised);
    }

    @Property(tries = 3000)
    void acceptsAPatternOnlyWhenItMatchesTheOriginsItDescribes(@ForAll("configured") String value) {
        boolean wellFormed = WrittenOrigin.isWellFormedPattern(value);
        OriginPattern pattern;
        try {
            pattern = OriginParser.parsePattern(value);
        }
        catch (InvalidOrigin ex) {
            assertReported(ex);
            assertThat(wellFormed).as("a well-formed pattern refused: " + ex.getMessage()).isFalse();
            if (WrittenOrigin.lacksScheme(value)) {
                assertThat(ex.code()).isEqualTo(ConfigProblem.Code.ORIGIN_WITHOUT_SCHEME);
            }
            return;
        }
        if (pattern.host() == null) {
            return;
        }
        int defaultPort = "http".equals(pattern.scheme()) ? 80 : 443;
        int port = (pattern.ports() != null) ? pattern.ports()[0] : defaultPort;
        String leftmost = pattern.subdomains() ? "a."
                : (pattern.label() != null) ? pattern.label().prefix() + "a" + pattern.label().suffix() + "." : "";
        String origin = pattern.scheme() + "://" + leftmost + pattern.host() + ((port != defaultPort) ? ":" + port : "");
        OriginMatcher matcher = new OriginMatcher(false, List.of(), List.of(), List.of(pattern));
        assertThat(matcher.allows(origin)).as(origin).isTrue();
        if (pattern.wildcardInHost()) {
            assertThat(matcher.allows(pattern.scheme() + "://" + pattern.host())).isFalse();
        }
        if (pattern.label() != null) {
            String dotInTheWildcard = pattern.label().prefix() + "a.b" + pattern.label().suffix() + "." + pattern.host();
            assertThat(matcher.allows(pattern.scheme() + "://" + dotInTheWildcard)).as(dotInTheWildcard).isFalse();
        }
    }

    @Property(tries = 2000)
    void readsAnAsciiHostAsIdnaDoes(@ForAll("asciiHosts") String host) throws InvalidOrigin {
        String value = "https://" + host;
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            assertThat(refusal(value)).isEqualTo("has a host name that is not valid: " + ex.getMessage() + ".");
            return;
        }
        if (ascii.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*")) {
            assertThat(OriginParser.parseExact(value).host()).isEqualTo(ascii);
        }
        else {
            assertThat(refusal(value)).startsWith("has a host that is not a sequence of dot-separated names");
        }
    }

    @Property(tries = 300)
    void reportsEveryValueItRefusesUnderItsOwnProperty(@ForAll @Size(max = 4) List<@From("configured") String> origins,
            @ForAll @Size(max = 4) List<@From("configured") String> patterns,
            @ForAll @Size(max = 3) List<@From("tokens") String> methods,
            @ForAll @Size(max = 3) List<@From("tokens") String> headers, @ForAll boolean credentials,
            @ForAll boolean privateNetwork) {
        String prefix = "cors.policies.random.";
        CorsPolicySpec spec = new CorsPolicySpec("random", new Setting<>(List.of("/**"), prefix + "paths"),
                new Setting<>(List.of(), prefix + "hosts"),
                new Setting<>(origins, prefix + "allowed-origins"),
                new Setting<>(patterns, prefix + "allowed-origin-patterns"),
                new Setting<>(methods, prefix + "allowed-methods"), new Setting<>(headers, prefix + "allowed-headers"),
                new Setting<>(headers, prefix + "exposed-headers"), new Setting<>(credentials, prefix + "allow-credentials"),
                new Setting<>(privateNetwork, prefix + "allow-private-network"),
                new Setting<>(Duration.ofMinutes(30), prefix + "max-age"), null);
        List<ConfigProblem> problems = new ArrayList<>();
        this.compiler.compile(spec, problems);
        for (int i = 0; i < origins.size(); i++) {
            String property = spec.allowedOrigins().element(i);
            String value = origins.get(i);
            if (!"*".equals(value) && !parses(() -> OriginParser.parseExact(value))) {
                assertThat(problems).anySatisfy((problem) -> {
                    assertThat(problem.property()).isEqualTo(property);
                    assertThat(problem.value()).isEqualTo(value);
                    assertThat(problem.isError()).isTrue();
                });
            }
        }
        for (int i = 0; i < patterns.size(); i++) {
            String property = spec.allowedOriginPatterns().element(i);
            String value = patterns.get(i);
            if (!parses(() -> OriginParser.parsePattern(value))) {
                assertThat(problems).anySatisfy((problem) -> {
                    assertThat(problem.property()).isEqualTo(property);
                    assertThat(problem.value()).isEqualTo(value);
                    assertThat(problem.isError()).isTrue();
                });
            }
        }
        assertThat(problems).allSatisfy((problem) -> {
            assertThat(problem.property()).startsWith(prefix);
            assertThat(problem.problem()).isNotBlank();
            assertThat(problem.fix()).isNotBlank();
        });
    }

    private static void assertReported(InvalidOrigin ex) {
        assertThat(ex.code()).isNotNull();
        assertThat(ex.getMessage()).isNotBlank();
        assertThat(ex.fix()).isNotBlank();
    }

    private static @Nullable String refusal(String value) {
        try {
            OriginParser.parseExact(value);
            return null;
        }
        catch (InvalidOrigin ex) {
            return ex.getMessage();
        }
    }

    private static boolean parses(Parse parse) {
        try {
            parse.run();
            return true;
        }
        catch (InvalidOrigin ex) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> configured() {
        List<String> seeds = Stream.concat(CONFIGURED.stream(), CorsArbitraries.NEAR_MISSES.stream()).toList();
        return Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.of(seeds)),
                Tuple.of(30, CorsArbitraries.mutationsOf(seeds)),
                Tuple.of(25, CorsArbitraries.structuredOrigins()),
                Tuple.of(10, Arbitraries.strings().withChars(CorsArbitraries.AWKWARD_CHARACTERS).ofMaxLength(12)
                    .map((rest) -> "https://" + rest)),
                Tuple.of(10, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(5, CorsArbitraries.overlongOrigins()));
    }

    /** Host names of ASCII letters, digits, "_" and "-", with empty labels and labels of more than 63 characters. */
    @Provide
    Arbitrary<String> asciiHosts() {
        Arbitrary<String> label = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().withChars("aZ09_-").ofMinLength(1).ofMaxLength(8)),
                Tuple.of(1, Arbitraries.strings().withChars("aZ9").ofMinLength(62).ofMaxLength(65)),
                Tuple.of(1, Arbitraries.just("")));
        return label.list().ofMinSize(1).ofMaxSize(4).map((labels) -> String.join(".", labels))
            .filter((host) -> !host.isEmpty());
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(Arbitraries.of("GET", "post", "*", "Content-Type", "X-A"),
                Arbitraries.strings().withChars(CorsArbitraries.AWKWARD_CHARACTERS).ofMaxLength(6));
    }

    /**
     * A model of configured values, read by hand and stricter than the parser: the values it calls well-formed must
     * be accepted, and a value without {@code ://} must be refused for its missing scheme.
     */
    private static final class WrittenOrigin {

        // ASCII host names of labels of 1 to 63 characters (RFC 1035), which IDNA leaves as they are.
        private static final String HOST_NAME = "[A-Za-z0-9_-]{1,63}(?:\\.[A-Za-z0-9_-]{1,63})*";

        private static final String PORT = "[1-9][0-9]{0,4}";

        private static final Pattern EXACT = Pattern
            .compile("([A-Za-z][A-Za-z0-9+.-]*)://(" + HOST_NAME + ")(?::(" + PORT + "))?");

        // The host: any, "*." and a domain, a leftmost label with one "*" inside it and a domain, or a host name.
        private static final Pattern PATTERN = Pattern.compile("(?i:https?)://(?:\\*|(?:\\*\\.)?" + HOST_NAME
                + "|[A-Za-z0-9-]{0,30}\\*[A-Za-z0-9-]{0,30}\\." + HOST_NAME + ")(?::(?:" + PORT + "|\\[\\*]|\\[" + PORT
                + "(?:," + PORT + ")*]))?");

        /** The serialised form of a well-formed exact origin, or null when the model does not call it well-formed. */
        static @Nullable String serialisedExact(String value) {
            if ("null".equals(value)) {
                return "null";
            }
            Matcher matcher = EXACT.matcher(value);
            if (!matcher.matches() || !portsInRange(value)) {
                return null;
            }
            String scheme = matcher.group(1).toLowerCase(Locale.ROOT);
            String port = matcher.group(3);
            boolean defaultPort = port == null || Integer.parseInt(port) == RequestOrigin.defaultPort(scheme);
            return scheme + "://" + matcher.group(2).toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        }

        static boolean isWellFormedPattern(String value) {
            return "*".equals(value) || (PATTERN.matcher(value).matches() && portsInRange(value));
        }

        /** Whether a value is printable and has no {@code ://}: refused for its missing scheme, then. */
        static boolean lacksScheme(String value) {
            return !value.contains("://") && value.chars().allMatch((c) -> c > ' ' && c != 0x7f);
        }

        private static boolean portsInRange(String value) {
            Matcher port = Pattern.compile("[0-9]{5}").matcher(value.substring(value.indexOf("://") + 3));
            while (port.find()) {
                if (Integer.parseInt(port.group()) > 65535) {
                    return false;
                }
            }
            return true;
        }
    }

    @FunctionalInterface
    private interface Parse {

        void run() throws InvalidOrigin;
    }
}
