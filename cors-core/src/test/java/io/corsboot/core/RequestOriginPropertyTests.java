package io.corsboot.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import io.corsboot.core.PolicyModel.SerialisedOrigin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests of the request-time {@code Origin} reader: it accepts exactly the serialised origins browsers send,
 * reads their parts correctly, never throws, and agrees with the startup parser.
 */
class RequestOriginPropertyTests {

    @Property(tries = 3000)
    void acceptsExactlyTheSerialisedOrigins(@ForAll("origins") String origin) {
        assertReadAsTheModelReadsIt(origin);
    }

    @Property(tries = 1000)
    void readsRandomTextWithoutThrowing(@ForAll @StringLength(max = 400) String origin) {
        assertReadAsTheModelReadsIt(origin);
    }

    @Property(tries = 1000)
    void readsWhatTheStartupParserWritesForTheSameOrigin(@ForAll("serialisedOrigins") String origin)
            throws Exception {
        assertThat(RequestOrigin.parse(origin)).isNotEqualTo(RequestOrigin.MALFORMED);
        assertThat(OriginParser.parseExact(origin).serialised()).isEqualTo(origin);
    }

    private static void assertReadAsTheModelReadsIt(String origin) {
        long parsed = RequestOrigin.parse(origin);
        SerialisedOrigin expected = SerialisedOrigin.parse(origin);
        if (expected == null) {
            assertThat(parsed).isEqualTo(RequestOrigin.MALFORMED);
            return;
        }
        assertThat(parsed).isNotEqualTo(RequestOrigin.MALFORMED);
        assertThat(origin.substring(0, RequestOrigin.schemeEnd(parsed))).isEqualTo(expected.scheme());
        assertThat(origin.substring(RequestOrigin.hostStart(parsed), RequestOrigin.hostEnd(parsed)))
            .isEqualTo(expected.host());
        assertThat(RequestOrigin.port(parsed)).isEqualTo(expected.port());
    }

    @Provide
    Arbitrary<String> origins() {
        return CorsArbitraries.origins();
    }

    /** Origins as browsers serialise them: http or https, lower-case host names of short labels, IPv6 as RFC 5952. */
    @Provide
    Arbitrary<String> serialisedOrigins() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_")
            .ofMinLength(1).ofMaxLength(63);
        Arbitrary<String> hostName = label.list().ofMinSize(1).ofMaxSize(4).map((labels) -> String.join(".", labels));
        Arbitrary<String> host = Arbitraries.oneOf(hostName,
                Arbitraries.of("[::1]", "[2001:db8::1]", "[::ffff:102:304]", "[fe80::1:2]", "127.0.0.1"));
        Arbitrary<Integer> port = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 65535));
        return Combinators.combine(Arbitraries.of("http", "https"), host, port)
            .as((scheme, hostValue, portValue) -> {
                boolean defaultPort = portValue == 0 || portValue == ("http".equals(scheme) ? 80 : 443);
                return scheme + "://" + hostValue + (defaultPort ? "" : ":" + portValue);
            })
            .filter((origin) -> origin.length() <= RequestOrigin.MAX_LENGTH);
    }
}
