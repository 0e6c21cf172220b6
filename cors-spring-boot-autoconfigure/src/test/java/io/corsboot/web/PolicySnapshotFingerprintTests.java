package io.corsboot.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.SuppliedOriginValidator;

import static org.assertj.core.api.Assertions.assertThat;

/** The fingerprint follows behaviour, not the order in which a configuration happens to be written. */
class PolicySnapshotFingerprintTests {

    private static final String[] PARTNER_API = { "cors.policies.partner-api.paths=/api/**,/v2/api/**",
            "cors.policies.partner-api.allowed-origins=https://app.example.com,https://admin.example.com",
            "cors.policies.partner-api.allowed-methods=GET,PUT",
            "cors.policies.partner-api.allowed-headers=Content-Type", "cors.policies.partner-api.max-age=1h",
            "cors.policies.partner-api.candidate.allowed-origins=https://app.example.com",
            "cors.policies.public.paths=/public/**", "cors.policies.public.allowed-origins=*" };

    /** Every setting, inherited and set, in a policy and its candidate. */
    private static final String[] EVERY_SETTING = { "cors.defaults.max-age=10m",
            "cors.defaults.exposed-headers=X-Request-Id", "cors.policies.partner-api.paths=/api/**,/v2/api/**",
            "cors.policies.partner-api.allowed-origins=https://app.example.com,https://admin.example.com",
            "cors.policies.partner-api.allowed-origin-patterns[0]=https://*.example.com",
            "cors.policies.partner-api.allowed-origin-patterns[1]=http://localhost:[8080,8081]",
            "cors.policies.partner-api.allowed-methods=GET,PUT",
            "cors.policies.partner-api.allowed-headers=Content-Type,Authorization",
            "cors.policies.partner-api.allow-credentials=true", "cors.policies.partner-api.max-age=1h",
            "cors.policies.partner-api.candidate.allowed-origins=https://app.example.com",
            "cors.policies.partner-api.candidate.allow-private-network=true",
            "cors.policies.public.paths=/public/**", "cors.policies.public.allowed-origins=*" };

    // Golden values: instances of different versions and restarts compare fingerprints, so a change in the canonical
    // text must be deliberate.
    @Test
    void isTheKnownValueOfOnePublicPolicy() {
        assertThat(fingerprint("cors.policies.public.paths=/public/**", "cors.policies.public.allowed-origins=*"))
            .isEqualTo("53bb6d776f93862694e47eeb0bc33513e2642a9a4129039fc35f37ba5b21ee25");
    }

    @Test
    void isTheKnownValueOfEverySettingWithACandidate() {
        assertThat(fingerprint(EVERY_SETTING))
            .isEqualTo("86f95755d80716ac511db4c79cfcdd0e7bd5a57862f4d393e0169ff7e46fff71");
    }

    @Test
    void isTheKnownValueWithSuppliedOrigins() {
        PolicyCompiler compiler = new PolicyCompiler(Set.of("com")::contains);
        SuppliedOriginValidator validator = new SuppliedOriginValidator(Set.of("com")::contains,
                UnaryOperator.identity());
        PolicySnapshot supplied = snapshot(EVERY_SETTING).withSupplied(validator.validate("tenantOrigins",
                "partner-api", List.of("https://t1.example.com"), List.of("https://*.t2.example.com"), null), compiler);
        assertThat(supplied.fingerprint())
            .isEqualTo("78bd450fd4fe5cbe9c4eb1b33630a3eed477f8c61262d5cc96959115f4ef86c7");
    }

    @Test
    void tellsAValueHoldingQuotesFromTheValuesItSpells() {
        assertThat(fingerprint("cors.policies.public.paths[0]=/a\",\"/b", "cors.policies.public.allowed-origins=*"))
            .isNotEqualTo(fingerprint("cors.policies.public.paths[0]=/a", "cors.policies.public.paths[1]=/b",
                    "cors.policies.public.allowed-origins=*"));
    }

    @Test
    void changesWithAPolicysHostsButNotWithTheirOrderOrSpelling() {
        String[] withHosts = { "cors.policies.public.paths=/public/**", "cors.policies.public.allowed-origins=*",
                "cors.policies.public.hosts=cdn.example.com,*.Static.example.com" };
        String[] reordered = { "cors.policies.public.paths=/public/**", "cors.policies.public.allowed-origins=*",
                "cors.policies.public.hosts=*.static.example.com,CDN.example.com" };
        assertThat(fingerprint(withHosts)).isNotEqualTo(fingerprint("cors.policies.public.paths=/public/**",
                "cors.policies.public.allowed-origins=*"))
            .isEqualTo(fingerprint(reordered))
            .isEqualTo("1ea836dc9c6ae8dc99cca38639d64d726f388163d3409dab3e4e0760f68b1186");
    }

    @Test
    void isAHexSha256() {
        assertThat(fingerprint(PARTNER_API)).matches("[0-9a-f]{64}");
    }

    @Test
    void isTheSameForTheSameConfiguration() {
        assertThat(fingerprint(PARTNER_API)).isEqualTo(fingerprint(PARTNER_API));
    }

    @Test
    void isTheSameWhenKeysComeInAnotherOrder() {
        String[] reversed = new String[PARTNER_API.length];
        for (int i = 0; i < PARTNER_API.length; i++) {
            reversed[i] = PARTNER_API[PARTNER_API.length - 1 - i];
        }
        assertThat(fingerprint(reversed)).isEqualTo(fingerprint(PARTNER_API));
    }

    @Test
    void isTheSameWhenOriginsAndPathsComeInAnotherOrder() {
        assertThat(fingerprint(with("cors.policies.partner-api.paths=/v2/api/**,/api/**",
                "cors.policies.partner-api.allowed-origins=https://admin.example.com,https://app.example.com")))
            .isEqualTo(fingerprint(PARTNER_API));
    }

    @Test
    void isTheSameForTheSameMaxAgeSpelledDifferently() {
        assertThat(fingerprint(with("cors.policies.partner-api.max-age=3600"))).isEqualTo(fingerprint(PARTNER_API));
    }

    @Test
    void isTheSameForTheSameOriginPatternSpelledDifferently() {
        String patterns = "cors.policies.partner-api.allowed-origin-patterns";
        assertThat(fingerprint(with(patterns + "[0]=https://*.Example.com:443",
                patterns + "[1]=http://localhost:[8081,8080]", patterns + "[2]=https://*.example.com")))
            .isEqualTo(fingerprint(with(patterns + "[0]=https://*.example.com",
                    patterns + "[1]=http://localhost:[8080,8081]")));
    }

    @Test
    void changesWhenAHeaderIsAdded() {
        assertThat(fingerprint(with("cors.policies.partner-api.allowed-headers=Content-Type,Authorization")))
            .isNotEqualTo(fingerprint(PARTNER_API));
    }

    @Test
    void changesWhenTheCandidateChanges() {
        assertThat(fingerprint(with("cors.policies.partner-api.candidate.allowed-origins=https://beta.example.com")))
            .isNotEqualTo(fingerprint(PARTNER_API));
    }

    @Test
    void changesWhenAPolicyIsRenamed() {
        String[] renamed = new String[PARTNER_API.length];
        for (int i = 0; i < PARTNER_API.length; i++) {
            renamed[i] = PARTNER_API[i].replace("cors.policies.public.", "cors.policies.open.");
        }
        assertThat(fingerprint(renamed)).isNotEqualTo(fingerprint(PARTNER_API));
    }

    @Test
    void changesWhenTheOrderOfMethodsChangesTheAllowMethodsValue() {
        assertThat(fingerprint(with("cors.policies.partner-api.allowed-methods=PUT,GET")))
            .isNotEqualTo(fingerprint(PARTNER_API));
    }

    /** The configuration with some values replaced, keys in the same order. */
    private static String[] with(String... replacements) {
        Map<String, String> properties = properties(PARTNER_API);
        properties.putAll(properties(replacements));
        return properties.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static String fingerprint(String... lines) {
        return snapshot(lines).fingerprint();
    }

    private static PolicySnapshot snapshot(String... lines) {
        StandardEnvironment environment = new StandardEnvironment();
        // A map keeps the keys in the order given, as a YAML file does.
        environment.getPropertySources().addFirst(new MapPropertySource("test", new LinkedHashMap<>(properties(lines))));
        return new CorsConfigurationLoader().load(environment);
    }

    private static Map<String, String> properties(String... lines) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            properties.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return properties;
    }
}
