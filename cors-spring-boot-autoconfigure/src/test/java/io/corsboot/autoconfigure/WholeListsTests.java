package io.corsboot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.corsboot.core.CorsConfigurationException;

import static io.corsboot.autoconfigure.TestPropertySources.environment;
import static io.corsboot.autoconfigure.TestPropertySources.variables;
import static io.corsboot.autoconfigure.TestPropertySources.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Origin lists offered to the binder whole bind to the values Spring Boot's binder reads element by element. */
class WholeListsTests {

    private static final ConfigurationPropertyName ORIGINS = ConfigurationPropertyName
        .of("cors.policies.api.allowed-origins");

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void bindsTheOriginsSpringBootsBinderBinds(String description, List<PropertySource<?>> sources) {
        StandardEnvironment environment = environment(sources);
        CorsProperties properties = CorsPropertiesBinder.bind(environment).properties();
        CorsProperties reference = new CorsProperties();
        Binder.get(environment).bind("cors", Bindable.ofInstance(reference), new AbstractBindHandler() {

            @Override
            public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                    Exception error) {
                return null;
            }
        });
        assertThat(origins(properties)).isEqualTo(origins(reference));
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("a YAML list", List.of(yaml("""
                        cors.policies.api:
                          paths: ["/api/**"]
                          allowed-origins: ["https://a.example.com", "https://b.example.com"]
                          allowed-origin-patterns: ["https://*.example.com"]
                          candidate.allowed-origins: ["https://c.example.com"]
                        cors.defaults.allowed-origins: ["https://d.example.com"]
                        """))),
                Arguments.of("a comma-separated value above a YAML list", List.of(
                        new MapPropertySource("above",
                                Map.of(ORIGINS.toString(), "https://x.example.com,https://y.example.com")),
                        yaml("cors.policies.api.allowed-origins: [\"https://a.example.com\"]"))),
                Arguments.of("a YAML list above environment variables", List.of(
                        yaml("cors.policies.api.allowed-origins: [\"https://a.example.com\"]"),
                        variables(Map.of("CORS_POLICIES_API_ALLOWEDORIGINS_0", "https://v.example.com",
                                "CORS_POLICIES_API_ALLOWEDORIGINS_1", "https://w.example.com")))),
                Arguments.of("environment variables above a YAML list", List.of(
                        variables(Map.of("CORS_POLICIES_API_ALLOWEDORIGINS_0", "https://v.example.com")),
                        yaml("cors.policies.api.allowed-origins: [\"https://a.example.com\", \"https://b.example\"]"))),
                Arguments.of("a placeholder", List.of(
                        new MapPropertySource("hosts", Map.of("partner", "partner.example.com")),
                        yaml("cors.policies.api.allowed-origins: [\"https://${partner}\", \"https://a.example.com\"]"))),
                Arguments.of("a value and elements in one source", List.of(new MapPropertySource("both", Map.of(
                        ORIGINS.toString(), "https://x.example.com", ORIGINS + "[0]", "https://a.example.com")))),
                Arguments.of("a list with a gap", List.of(new MapPropertySource("gap", Map.of(
                        ORIGINS + "[0]", "https://a.example.com", ORIGINS + "[2]", "https://c.example.com")))),
                Arguments.of("indexes written with a leading zero", List.of(new MapPropertySource("zero", Map.of(
                        ORIGINS + "[0]", "https://a.example.com", ORIGINS + "[01]", "https://b.example.com")))),
                Arguments.of("a value that is not a string", List.of(new MapPropertySource("number",
                        Map.of(ORIGINS + "[0]", 8080, ORIGINS + "[1]", "https://b.example.com")))));
    }

    @Test
    void offersALongYamlListWholeAndBindsItAsSpringBootsBinderDoes() {
        List<String> origins = IntStream.range(0, 10_000).mapToObj((i) -> "https://app" + i + ".example.com")
            .toList();
        String yaml = "cors.policies.api:\n  paths: [\"/api/**\"]\n  allowed-origins:\n"
                + String.join("", origins.stream().map((origin) -> "    - " + origin + "\n").toList());
        StandardEnvironment environment = environment(List.of(yaml(yaml)));
        List<ConfigurationPropertySource> offered = WholeLists
            .offeredWhole(ConfigurationPropertySources.get(environment));
        ConfigurationProperty whole = offered.get(0).getConfigurationProperty(ORIGINS);
        assertThat(whole).isNotNull();
        assertThat(whole.getValue()).isEqualTo(origins);
        // The source it was read from is offered without the elements, which the binder would otherwise walk.
        assertThat(names(offered.get(1))).containsExactly(ConfigurationPropertyName.of("cors.policies.api.paths[0]"));
        assertThat(CorsPropertiesBinder.bind(environment).properties().getPolicies().get("api").getAllowedOrigins())
            .isEqualTo(origins);
    }

    @Test
    void leavesAListWithAGapToTheBinderWhichNamesTheElementLeftOut() {
        StandardEnvironment environment = environment(List.of(new MapPropertySource("gap",
                Map.of("cors.policies.api.paths[0]", "/api/**", ORIGINS + "[0]", "https://a.example.com",
                        ORIGINS + "[2]", "https://c.example.com"))));
        List<ConfigurationPropertySource> offered = WholeLists
            .offeredWhole(ConfigurationPropertySources.get(environment));
        assertThat(offered).allSatisfy((source) -> assertThat(source.getConfigurationProperty(ORIGINS)).isNull());
        assertThat(offered).flatMap(WholeListsTests::names).contains(ORIGINS.append("[2]"));
        assertThatExceptionOfType(CorsConfigurationException.class)
            .isThrownBy(() -> new CorsConfigurationLoader().load(environment))
            .satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
                .satisfies((problem) -> assertThat(problem.property()).isEqualTo(ORIGINS + "[2]")));
    }

    private static List<ConfigurationPropertyName> names(ConfigurationPropertySource source) {
        return ((IterableConfigurationPropertySource) source).stream().toList();
    }

    private static Map<String, List<List<String>>> origins(CorsProperties properties) {
        Map<String, List<List<String>>> origins = new LinkedHashMap<>();
        origins.put("defaults", List.of(properties.getDefaults().getAllowedOrigins()));
        properties.getPolicies().forEach((name, policy) -> origins.put(name, List.of(policy.getAllowedOrigins(),
                policy.getAllowedOriginPatterns(), (policy.getCandidate() != null)
                        ? policy.getCandidate().getAllowedOrigins() : List.of())));
        return origins;
    }
}
