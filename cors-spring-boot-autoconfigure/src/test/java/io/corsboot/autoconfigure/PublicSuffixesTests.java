package io.corsboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.net.IDN;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.google.common.net.InternetDomainName;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's copy of the Public Suffix List is the one the build's Guava ships, and it answers as Guava's
 * {@link InternetDomainName#isPublicSuffix()} does, for every rule of the list and for any host name.
 */
class PublicSuffixesTests {

    private static final List<String> EXACT = asciiNames(PublicSuffixPatterns.EXACT);

    private static final List<String> UNDER = asciiNames(PublicSuffixPatterns.UNDER);

    private static final List<String> EXCLUDED = asciiNames(PublicSuffixPatterns.EXCLUDED);

    /** The names of Guava's rules in ASCII, of every kind: exact, wildcard ({@code *.ck}) and exception. */
    private static final List<String> RULE_NAMES = Stream.of(EXACT, UNDER, EXCLUDED).flatMap(List::stream).toList();

    private static final List<String> RULE_LABELS = RULE_NAMES.stream()
        .flatMap((name) -> Stream.of(name.split("\\.")))
        .distinct()
        .toList();

    @Test
    void theListIsTheOneTheBuildsGuavaShips() throws IOException, InterruptedException, URISyntaxException {
        Path guava = Path.of(PublicSuffixPatterns.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process generator = new ProcessBuilder(java.toString(), "-cp", guava.toString(),
                "../scripts/PublicSuffixList.java")
            .redirectError(Redirect.INHERIT)
            .start();
        String generated = new String(generator.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(generator.waitFor()).as("scripts/PublicSuffixList.java's exit status").isZero();
        String shipped;
        try (InputStream rules = getClass().getClassLoader().getResourceAsStream(PublicSuffixes.RULES)) {
            shipped = new String(rules.readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertThat(shipped).withFailMessage("""
                %s is not the list that Guava on the class path ships. Regenerate it, from the repository's root:
                java -cp %s scripts/PublicSuffixList.java \\
                    > cors-spring-boot-autoconfigure/src/main/resources/%s""", PublicSuffixes.RULES, guava,
                PublicSuffixes.RULES)
            .isEqualTo(generated);
    }

    @Test
    void answersAsGuavaForEveryRuleItsParentAndNamesUnderIt() {
        List<String> disagreements = RULE_NAMES.stream()
            .flatMap((rule) -> Stream.of(rule, parent(rule), "a." + rule, "www." + rule, "a.b." + rule,
                    rule.toUpperCase(Locale.ROOT), rule + "."))
            .filter((host) -> PublicSuffixes.isPublicSuffix(host) != guavaSaysPublicSuffix(host))
            .toList();
        assertThat(disagreements).isEmpty();
    }

    @Test
    void answersForAnInternationalisedNameInItsAsciiFormAsGuavaForItsUnicodeForm() {
        List<String> disagreements = Stream
            .of(PublicSuffixPatterns.EXACT, PublicSuffixPatterns.UNDER, PublicSuffixPatterns.EXCLUDED)
            .flatMap((rules) -> rules.keySet().stream().filter((name) -> !isAscii(name)))
            .flatMap((rule) -> Stream.of(rule, "a." + rule))
            .filter((host) -> PublicSuffixes.isPublicSuffix(asciiForm(host)) != guavaSaysPublicSuffix(host))
            .toList();
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aNameNotInAsciiIsNotOneTheOriginParserGivesTheAsciiForm() {
        assertThat(PublicSuffixes.isPublicSuffix("公司.cn")).isFalse();
        assertThat(PublicSuffixes.isPublicSuffix(asciiForm("公司.cn"))).isTrue();
    }

    @Property(tries = 10000)
    void answersAsGuavaForAnyHostName(@ForAll("hostNames") String host) {
        assertThat(PublicSuffixes.isPublicSuffix(host)).as(host).isEqualTo(guavaSaysPublicSuffix(host));
    }

    /**
     * Labels of the list and others, valid or not, before the name of a rule of any kind or alone, in any case, some
     * with a trailing dot.
     */
    @Provide
    Arbitrary<String> hostNames() {
        Arbitrary<String> randomLabel = Arbitraries.strings().withChars("abxz09-_A").ofMaxLength(4);
        Arbitrary<String> label = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(RULE_LABELS)),
                Tuple.of(1, randomLabel));
        Arbitrary<String> suffix = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(EXACT)),
                Tuple.of(2, Arbitraries.of(UNDER)), Tuple.of(1, Arbitraries.of(EXCLUDED)),
                Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(label.list().ofMaxSize(3), suffix, Arbitraries.of("", "", "", "."),
                Arbitraries.of(false, false, true))
            .as((labels, rule, dot, upperCase) -> {
                Stream<String> parts = rule.isEmpty() ? labels.stream()
                        : Stream.concat(labels.stream(), Stream.of(rule));
                String host = String.join(".", parts.toList()) + dot;
                return upperCase ? host.toUpperCase(Locale.ROOT) : host;
            });
    }

    private static boolean guavaSaysPublicSuffix(String host) {
        return InternetDomainName.isValid(host) && InternetDomainName.from(host).isPublicSuffix();
    }

    private static String parent(String name) {
        int dot = name.indexOf('.');
        return (dot < 0) ? "" : name.substring(dot + 1);
    }

    /** As the origin parser gives an internationalised host name. */
    private static String asciiForm(String host) {
        return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }

    private static List<String> asciiNames(Map<String, ?> rules) {
        return rules.keySet().stream().filter(PublicSuffixesTests::isAscii).toList();
    }

    private static boolean isAscii(String name) {
        return name.chars().allMatch((c) -> c < 0x80);
    }
}
