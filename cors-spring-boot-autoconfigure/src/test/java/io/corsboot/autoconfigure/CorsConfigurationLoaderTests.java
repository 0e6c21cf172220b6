package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.http.server.PathContainer;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.CorsConfigurationException;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.web.PolicySnapshot;

import static io.corsboot.autoconfigure.TestPropertySources.environment;
import static io.corsboot.autoconfigure.TestPropertySources.variables;
import static io.corsboot.autoconfigure.TestPropertySources.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Binding of {@code cors.*} from every kind of property source, with inheritance and precedence. */
class CorsConfigurationLoaderTests {

    private static final String YAML = """
            cors:
              defaults:
                max-age: 10m
                allowed-headers: [Content-Type]
              policies:
                zeta:
                  paths: ["/a/*"]
                  allowed-origins: ["https://zeta.example.com"]
                alpha:
                  paths: ["/*/b"]
                  allowed-origins: ["https://alpha.example.com"]
                  allowed-methods: [GET, PUT]
                  allow-credentials: true
            """;

    @Test
    void policiesInheritDefaultsThenBuiltInValues() {
        PolicySnapshot snapshot = load(yaml(YAML));
        CorsPolicySpec zeta = policy(snapshot, "zeta").spec();
        assertThat(zeta.maxAge().value()).hasMinutes(10);
        assertThat(zeta.maxAge().property()).isEqualTo("cors.defaults.max-age");
        assertThat(zeta.allowedHeaders().value()).containsExactly("Content-Type");
        assertThat(zeta.allowedMethods().value()).containsExactly("GET", "HEAD", "POST");
        assertThat(zeta.allowCredentials().value()).isFalse();
        assertThat(policy(snapshot, "alpha").spec().allowedMethods().value()).containsExactly("GET", "PUT");
    }

    @Test
    void yamlEnvironmentVariablesAndCommandLineArgumentsCompileToTheSamePolicies() {
        PolicySnapshot fromYaml = load(yaml(YAML));
        PolicySnapshot fromVariables = load(variables(Map.of("CORS_DEFAULTS_MAXAGE", "10m",
                "CORS_DEFAULTS_ALLOWEDHEADERS_0", "Content-Type", "CORS_POLICIES_ZETA_PATHS_0", "/a/*",
                "CORS_POLICIES_ZETA_ALLOWEDORIGINS_0", "https://zeta.example.com", "CORS_POLICIES_ALPHA_PATHS_0", "/*/b",
                "CORS_POLICIES_ALPHA_ALLOWEDORIGINS_0", "https://alpha.example.com", "CORS_POLICIES_ALPHA_ALLOWEDMETHODS",
                "GET,PUT", "CORS_POLICIES_ALPHA_ALLOWCREDENTIALS", "true")));
        PolicySnapshot fromArguments = load(new SimpleCommandLinePropertySource("--cors.defaults.max-age=10m",
                "--cors.defaults.allowed-headers=Content-Type", "--cors.policies.zeta.paths=/a/*",
                "--cors.policies.zeta.allowed-origins=https://zeta.example.com", "--cors.policies.alpha.paths=/*/b",
                "--cors.policies.alpha.allowed-origins=https://alpha.example.com",
                "--cors.policies.alpha.allowed-methods=GET,PUT", "--cors.policies.alpha.allow-credentials=true"));
        assertThat(effective(fromVariables)).isEqualTo(effective(fromYaml));
        assertThat(effective(fromArguments)).isEqualTo(effective(fromYaml));
    }

    @Test
    void anEqualSpecificityTieGoesToTheNameThatSortsFirstWhateverTheSourceOrder() {
        Map<String, Object> zetaFirst = new LinkedHashMap<>();
        zetaFirst.put("cors.policies.zeta.paths", "/a/*");
        zetaFirst.put("cors.policies.zeta.allowed-origins", "https://zeta.example.com");
        zetaFirst.put("cors.policies.alpha.paths", "/*/b");
        zetaFirst.put("cors.policies.alpha.allowed-origins", "https://alpha.example.com");
        Map<String, Object> alphaFirst = new LinkedHashMap<>();
        List.of("alpha", "zeta").forEach((name) -> zetaFirst.forEach((key, value) -> {
            if (key.startsWith("cors.policies." + name)) {
                alphaFirst.put(key, value);
            }
        }));
        for (Map<String, Object> source : List.of(zetaFirst, alphaFirst)) {
            PolicySnapshot snapshot = load(new MapPropertySource("test", source));
            assertThat(snapshot.routes().policyFor(PathContainer.parsePath("/a/b")).name()).isEqualTo("alpha");
            assertThat(snapshot.routes().policyFor(PathContainer.parsePath("/a/c")).name()).isEqualTo("zeta");
        }
    }

    @Test
    void environmentVariablesOverridePoliciesWhoseNamesAreLettersAndDigits() {
        PolicySnapshot snapshot = load(yaml(YAML),
                variables(Map.of("CORS_POLICIES_ALPHA_ALLOWEDORIGINS_0", "https://override.example.com")));
        assertThat(policy(snapshot, "alpha").spec().allowedOrigins().value())
            .containsExactly("https://override.example.com");
    }

    @Test
    void environmentVariablesOverridePoliciesWhoseNamesHaveDashesSpelledWithoutThem() {
        String yaml = """
                cors.policies.partner-api:
                  paths: ["/api/**"]
                  allowed-origins: ["https://app.example.com"]
                """;
        PolicySnapshot snapshot = load(yaml(yaml),
                variables(Map.of("CORS_POLICIES_PARTNERAPI_ALLOWEDORIGINS_0", "https://other.example.com")));
        assertThat(snapshot.policies()).extracting(CompiledPolicy::name).containsExactly("partner-api");
        assertThat(policy(snapshot, "partner-api").spec().allowedOrigins().value())
            .containsExactly("https://other.example.com");
    }

    @Test
    void environmentVariablesAloneCanDefineAPolicy() {
        PolicySnapshot snapshot = load(variables(Map.of("CORS_POLICIES_TENANTS_PATHS_0", "/tenants/**",
                "CORS_POLICIES_TENANTS_ALLOWEDORIGINS_0", "https://t.example.com")));
        assertThat(snapshot.policies()).extracting(CompiledPolicy::name).containsExactly("tenants");
    }

    @Test
    void anUnknownKeyFailsNamingItAndTheClosestKnownKey() {
        assertThatExceptionOfType(CorsConfigurationException.class)
            .isThrownBy(() -> load(yaml("""
                    cors.policies.api:
                      paths: ["/api/**"]
                      allowed-origin: ["https://app.example.com"]
                    """)))
            .satisfies((ex) -> {
                assertThat(ex.getProblems()).extracting(ConfigProblem::code, ConfigProblem::property)
                    .containsExactly(tuple(Code.UNKNOWN_PROPERTY,
                            "cors.policies.api.allowed-origin[0]"));
                assertThat(ex.getProblems().get(0).fix()).contains("'allowed-origins'");
            });
    }

    @Test
    void anUnknownKeyWithoutACloseOneListsTheKeysDeclaredWhereItIs() {
        assertThatExceptionOfType(CorsConfigurationException.class)
            .isThrownBy(() -> load(new MapPropertySource("test", Map.of("cors.policy.web.paths", "/web/**",
                    "cors.policies.api.paths", "/api/**", "cors.policies.api.origins", "https://app.example.com"))))
            .satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::property, ConfigProblem::fix)
                .containsExactlyInAnyOrder(
                        tuple("cors.policy.web.paths",
                                "Remove it, or correct it to one of: enabled, defaults, policies, suppliers."),
                        tuple("cors.policies.api.origins", "Remove it, or correct it to one of: allowed-origins, "
                                + "allowed-origin-patterns, allowed-methods, allowed-headers, exposed-headers, "
                                + "allow-credentials, allow-private-network, max-age, paths, hosts, candidate.")));
    }

    @Test
    void anUnknownEnvironmentVariableIsOnlyAWarning() {
        PolicySnapshot snapshot = load(yaml(YAML), variables(Map.of("CORS_SERVICE_HOST", "10.0.0.7")));
        assertThat(snapshot.warnings()).extracting(ConfigProblem::code, ConfigProblem::property)
            .containsExactly(tuple(Code.UNKNOWN_ENVIRONMENT_VARIABLE,
                    "CORS_SERVICE_HOST"));
    }

    @Test
    void valuesThatDoNotConvertJoinTheOtherProblems() {
        assertThatExceptionOfType(CorsConfigurationException.class)
            .isThrownBy(() -> load(yaml("""
                    cors.policies.api:
                      paths: ["/api/**"]
                      allowed-origins: ["https://app.example.com/"]
                      max-age: 1 hour
                      allow-credentials: yes please
                    """)))
            .satisfies((ex) -> assertThat(ex.getProblems()).extracting(ConfigProblem::code, ConfigProblem::property)
                .containsExactlyInAnyOrder(
                        tuple(Code.VALUE_DOES_NOT_CONVERT, "cors.policies.api.max-age"),
                        tuple(Code.VALUE_DOES_NOT_CONVERT,
                                "cors.policies.api.allow-credentials"),
                        tuple(Code.ORIGIN_HAS_PATH,
                                "cors.policies.api.allowed-origins[0]")));
    }

    @Test
    void anElementLeftOutOfAListByAGapInItsIndexesIsNamed() {
        assertThatExceptionOfType(CorsConfigurationException.class)
            .isThrownBy(() -> load(new MapPropertySource("test", Map.of(
                    "cors.policies.api.paths[0]", "/api/**",
                    "cors.policies.api.exposed-headers[0]", "X-Request-Id",
                    "cors.policies.api.exposed-headers[2]", "X-Trace-Id"))))
            .satisfies((ex) -> assertThat(ex.getProblems())
                .singleElement()
                .satisfies((problem) -> {
                    assertThat(problem.code()).isEqualTo(Code.VALUE_DOES_NOT_CONVERT);
                    assertThat(problem.property()).isEqualTo("cors.policies.api.exposed-headers[2]");
                    assertThat(problem.value()).isEqualTo("X-Trace-Id");
                    assertThat(problem.problem()).isEqualTo("\"X-Trace-Id\" is left out of "
                            + "cors.policies.api.exposed-headers, whose elements are read from [0] up to the first "
                            + "missing index.");
                    assertThat(problem.fix()).isEqualTo("Number the elements of cors.policies.api.exposed-headers "
                            + "from [0] without gaps.");
                }));
    }

    /** The policies of these sources, the last one first, as a later source overrides an earlier one. */
    private static PolicySnapshot load(PropertySource<?>... sources) {
        List<PropertySource<?>> lastFirst = new ArrayList<>(List.of(sources));
        Collections.reverse(lastFirst);
        return new CorsConfigurationLoader().load(environment(lastFirst));
    }

    private static CompiledPolicy policy(PolicySnapshot snapshot, String name) {
        return snapshot.policies().stream().filter((policy) -> policy.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<CorsPolicySpec> effective(PolicySnapshot snapshot) {
        return snapshot.policies().stream().map(CompiledPolicy::spec).toList();
    }
}
