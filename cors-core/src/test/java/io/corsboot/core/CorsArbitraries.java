package io.corsboot.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

import io.corsboot.testing.TestRequest;

/**
 * Generators of hostile and ordinary input for the property tests: origins near the configured ones, malformed
 * ones, and random text; methods and header lists in and out of the bounds the core keeps.
 */
final class CorsArbitraries {

    /** Values one character, one label or one port away from what a policy allows, and classic attacks. */
    static final List<String> NEAR_MISSES = List.of("https://app.example.com.", "https://app.example.com/",
            "https://app.example.com/path", "https://app.example.com?q", "https://app.example.com#f",
            "https://APP.example.com", "HTTPS://app.example.com", "https://app.example.com:443",
            "https://app.example.com:0443", "https://app.example.com:65536", "https://app.example.com:0",
            "https://app.example.com:-1", "https://example.com", "https://evilexample.com",
            "https://app.example.com.evil.net", "https://evil.net?.example.com", "https://evil.net#.example.com",
            "https://app.example.com@evil.net", "https://evil.net@app.example.com", "https://a.b.example.com",
            "https://a.example.com:8443", "https://x.app.test:8443", "https://x.app.test:9443", "https://x.app.test",
            "https://app.test:8443", "http://localhost", "http://localhost:1", "http://localhost:65535",
            "http://a.localhost:3000", "http://a.localhost:4200", "http://a.localhost", "http://localhost:3000",
            "https://xn--80ak6aa92e.example.com", "https://app.xn--exmple-cua.com", "https://аpp.example.com",
            "https://app.exämple.com", "https://app。example.com", "http://evil.net", "http://evil.net:8080", "null",
            "NULL", "null ", "https://app.example.com, https://evil.net", "https://app.example.com,https://app.example.com",
            "https://app.example.com\r\nX-Evil: 1", "https://app.example.com\n", "https://app.example.com\u0000",
            "http://[::1]:3000", "http://[::1]", "http://[::1", "http://[::1]:", "http://[]", "http://[",
            "http://[::1]x", "http://[::ffff:127.0.0.1]", "http://[fe80::1%25eth0]", "https://", "https:", "://",
            "://app.example.com", "", " ", "*", "capacitor://localhost", "capacitor://localhost:8080",
            "chrome-extension://abcdefghijklmnop", "chrome-extension://abcdefghijklmnop/", "https://evil.github.io",
            "ws://app.example.com", "wss://app.example.com", "https://app%2eexample.com", "https://app.example.com%00",
            "https://app.example.com%0d%0a", "javascript://app.example.com", "file://", "data:", "https://*.example.com",
            "https://a_b.example.com", "https://-a.example.com", "https://app..example.com", "https://.example.com",
            "http://127.0.0.1:8080", "http://0x7f.0.0.1", "http://2130706433", "https://app-x.example.com",
            "https://app-pr-17.example.com", "https://app-.example.com", "https://app-a.b.example.com",
            "https://app-x.example.com.evil.net", "https://app-x.evil.com", "https://app_x.example.com",
            "https://APP-x.example.com", "https://evilapp-x.example.com", "https://app-x.example.com:8443",
            "https://x-preview.app.test:8443", "https://-preview.app.test:8443", "https://x-preview.app.test",
            "https://a.x-preview.app.test:8443", "https://x-preview.app.test.evil.net:8443",
            "https://x-preview-evil.app.test:8443", "https://x%2epreview.app.test:8443");

    private static final List<String> SCHEMES = List.of("http", "https", "HTTP", "capacitor", "ws", "", "1http",
            "h*", "https+evil");

    private static final List<String> SEPARATORS = List.of("://", "://", "://", ":/", ":///", "//",
            "://user@", "://user:pass@");

    private static final List<String> HOSTS = List.of("app.example.com", "example.com", "localhost",
            "a.b.example.com", "x.app.test", "evil.net", "", "[::1]", "[::ffff:1.2.3.4]", "127.0.0.1", "a..b",
            ".example.com", "example.com.", "*.example.com", "a_b.example.com", "-a.example.com", "APP.example.com",
            "xn--bcher-kva.example", "bücher.example", "abcdefghijklmnop", "app-x.example.com", "app-.example.com",
            "x-preview.app.test", "app-a.b.example.com");

    private static final List<String> PORTS = List.of("", "", "", ":", ":0", ":80", ":443", ":3000", ":4200",
            ":8080", ":8443", ":9443", ":65535", ":65536", ":99999", ":-1", ":08080", ":8080x", ":[*]", ": 80");

    private static final List<String> SUFFIXES = List.of("", "", "", "", "/", "/path", "?q", "#f", "%00", ".",
            " ", "\t", "\r\n", "\u0000", ",https://app.example.com", ";", "\\");

    /** Characters that parsers tend to get wrong: separators, controls, look-alikes, lone surrogates. */
    static final String AWKWARD_CHARACTERS = "\r\n\u0000\t\u000b\u007f .:/@%[]*#?,;-_\\\"'<>AZaz09é\u0430\u3002\uff0e"
            + "\u0085\u2028\u00a0\u200b\ud800\udfff\ufeff";

    private CorsArbitraries() {
    }

    /** {@code Origin} values: allowed, nearly allowed, malformed, random, overlong and absent. */
    static Arbitrary<String> origins() {
        List<String> serialised = PolicyModel.EXACT_ORIGINS.stream()
            .map(PolicyModel.ExactOrigin::serialised)
            .filter((origin) -> origin != null)
            .toList();
        List<String> seeds = Stream.concat(serialised.stream(), NEAR_MISSES.stream()).toList();
        return Arbitraries.frequencyOf(
                Tuple.of(25, Arbitraries.of(seeds)),
                Tuple.of(25, mutationsOf(seeds)),
                Tuple.of(25, structuredOrigins()),
                Tuple.of(10, Arbitraries.strings().ascii().ofMaxLength(40)),
                Tuple.of(5, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(5, overlongOrigins()),
                Tuple.of(5, Arbitraries.strings().withChars(AWKWARD_CHARACTERS).ofMaxLength(12)
                    .map((rest) -> "https://" + rest)));
    }

    /** Origins of the form scheme, separator, host, port, suffix, from parts that each are sometimes wrong. */
    static Arbitrary<String> structuredOrigins() {
        return Combinators.combine(Arbitraries.of(SCHEMES), Arbitraries.of(SEPARATORS), Arbitraries.of(HOSTS),
                Arbitraries.of(PORTS), Arbitraries.of(SUFFIXES))
            .as((scheme, separator, host, port, suffix) -> scheme + separator + host + port + suffix);
    }

    /** A seed with one character inserted, removed, replaced or changed in case, or the seed repeated. */
    static Arbitrary<String> mutationsOf(List<String> seeds) {
        return Combinators.combine(Arbitraries.of(seeds), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 400), Arbitraries.of(AWKWARD_CHARACTERS.toCharArray()))
            .as((seed, kind, position, character) -> mutate(seed, kind, position, character));
    }

    private static String mutate(String seed, int kind, int position, char character) {
        int at = seed.isEmpty() ? 0 : position % (seed.length() + 1);
        int inside = seed.isEmpty() ? 0 : position % seed.length();
        return switch (kind) {
            case 0 -> seed.substring(0, at) + character + seed.substring(at);
            case 1 -> seed.isEmpty() ? seed : seed.substring(0, inside) + seed.substring(inside + 1);
            case 2 -> seed.isEmpty() ? String.valueOf(character)
                    : seed.substring(0, inside) + character + seed.substring(inside + 1);
            case 3 -> seed.isEmpty() ? seed
                    : seed.substring(0, inside) + Character.toUpperCase(seed.charAt(inside)) + seed.substring(inside + 1);
            case 4 -> seed + ", " + seed;
            case 5 -> character + seed;
            default -> seed + character;
        };
    }

    /** Origins around the request-time parser's length cap of 320 characters. */
    static Arbitrary<String> overlongOrigins() {
        return Arbitraries.integers().between(300, 1100).map((length) -> "https://" + "a".repeat(length) + ".com");
    }

    /** Methods and {@code Access-Control-Request-Method} values. */
    static Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
                        "OPTIONS", "X-Custom-Method", "get", "put", "Get", "*")),
                Tuple.of(20, Arbitraries.of("", " ", "GET ", " GET", "G ET", "GET, POST", "PUT\r\n",
                        "PUT\u0000", "DELETE\r\nX-Evil: 1", "(GET)", "GÉT", "GET/1.1")),
                Tuple.of(10, Arbitraries.strings().withChars(AWKWARD_CHARACTERS + "GETPUS")
                    .ofMaxLength(10)),
                Tuple.of(10, Arbitraries.strings().all().ofMaxLength(10)));
    }

    /** {@code Access-Control-Request-Headers} values: lists of names with separators, and what goes wrong. */
    static Arbitrary<String> requestHeaders() {
        Arbitrary<String> name = Arbitraries.of("content-type", "Content-Type", "authorization", "AUTHORIZATION",
                "x-custom", "X-Custom", "x-requested-with", "x-evil", "x-custom ", "", " ", "\t", "x\r\ny", "x:y",
                "x y", "x(y)", "x\"y", "x/y", "x@y", "ä", "x-custom\u0000", "*", "x-custom;", "content-type\u000b");
        Arbitrary<String> separator = Arbitraries.of(",", ",", ", ", " ,", ",,", ", \t", " , ", "\t,\t", ";", " ");
        Arbitrary<String> list = Combinators.combine(name.list().ofMaxSize(6), separator.list().ofMinSize(6)
            .ofMaxSize(6)).as(CorsArbitraries::join);
        return Arbitraries.frequencyOf(
                Tuple.of(60, list),
                Tuple.of(10, Arbitraries.strings().withChars("abcxyz-_ ,\t").ofMaxLength(40)),
                Tuple.of(10, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(10, Arbitraries.integers().between(10, 20).map(",  "::repeat)
                    .map((empties) -> "x-custom" + empties)),
                Tuple.of(10, Arbitraries.integers().between(440, 470).map("x-custom,"::repeat)));
    }

    private static String join(List<String> names, List<String> separators) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                joined.append(separators.get(i - 1));
            }
            joined.append(names.get(i));
        }
        return joined.toString();
    }

    /** {@code Access-Control-Request-Private-Network} values. */
    static Arbitrary<String> privateNetwork() {
        return Arbitraries.oneOf(Arbitraries.of("true", "TRUE", "True", "false", " true", "true ", "true, true", "1",
                "true\r\n"), Arbitraries.strings().all().ofMaxLength(8));
    }

    /** Requests of every shape, arriving on one of three sites so that some are same-origin. */
    static Arbitrary<TestRequest> requests() {
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(45, Arbitraries.just("OPTIONS")),
                Tuple.of(55, methods()));
        Arbitrary<Integer> site = Arbitraries.integers().between(0, 2);
        return Combinators.combine(method, origins().injectNull(0.05), methods().injectNull(0.1),
                requestHeaders().injectNull(0.3), privateNetwork().injectNull(0.6),
                Arbitraries.of("cors", "navigate", "NAVIGATE", "no-cors").injectNull(0.7), site)
            .as((requestMethod, origin, requestMethodHeader, requestHeaders, privateNetwork, fetchMode, siteIndex) -> {
                Map<String, String> headers = new HashMap<>();
                putIfPresent(headers, "Origin", origin);
                putIfPresent(headers, "Access-Control-Request-Method", requestMethodHeader);
                putIfPresent(headers, "Access-Control-Request-Headers", requestHeaders);
                putIfPresent(headers, "Access-Control-Request-Private-Network", privateNetwork);
                putIfPresent(headers, "Sec-Fetch-Mode", fetchMode);
                return switch (siteIndex) {
                    case 0 -> new TestRequest(requestMethod, headers, "https", "api.example.com", 443);
                    case 1 -> new TestRequest(requestMethod, headers, "https", "app.example.com", 443);
                    default -> new TestRequest(requestMethod, headers, "http", "localhost", 8080);
                };
            });
    }

    private static void putIfPresent(Map<String, String> headers, String name, @Nullable String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    /** Policies drawn from the model's pools; combinations that validation refuses lose their credentials. */
    static Arbitrary<PolicyModel> policies() {
        return Combinators.combine(subsetOf(PolicyModel.EXACT_ORIGINS), subsetOf(PolicyModel.ORIGIN_PATTERNS),
                subsetOf(PolicyModel.METHODS), subsetOf(PolicyModel.HEADERS), subsetOf(PolicyModel.EXPOSED),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as(PolicyModel::new)
            .map(PolicyModel::valid);
    }

    private static <T> Arbitrary<List<T>> subsetOf(List<T> values) {
        return Arbitraries.subsetOf(values).map(ArrayList::new);
    }
}
