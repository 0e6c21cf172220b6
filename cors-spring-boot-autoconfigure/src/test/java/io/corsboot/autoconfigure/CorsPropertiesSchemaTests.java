package io.corsboot.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.mock.env.MockEnvironment;

import io.corsboot.actuate.CorsEndpoint.PolicyDescriptor;
import io.corsboot.autoconfigure.CorsProperties.Policy;
import io.corsboot.autoconfigure.CorsProperties.PolicySettings;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.PolicySetting;
import io.corsboot.core.Setting;
import io.corsboot.web.PolicySnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CorsProperties} declares the {@code cors.*} schema once; every consumer knows each setting it declares:
 * binding, unknown keys, inheritance by policies and candidates, the core's spec, the fingerprint, the endpoint's
 * listing and the IDE metadata.
 */
class CorsPropertiesSchemaTests {

    private static final String API = "cors.policies.api.";

    private static DocumentContext metadata;

    @BeforeAll
    static void readGeneratedMetadata() throws Exception {
        Path classes = Path.of(CorsProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        metadata = JsonPath.parse(Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json")));
    }

    static Stream<String> settings() {
        return DeclaredKeys.keys(PolicySettings.class).stream();
    }

    @Test
    void declaresThePolicySettingsTheCoreCompiles() {
        assertThat(DeclaredKeys.keys(PolicySettings.class))
            .containsExactlyElementsOf(Stream.of(PolicySetting.values()).map(PolicySetting::key).toList());
        assertThat(DeclaredKeys.keys(Policy.class)).containsSubsequence("paths", "candidate");
    }

    @ParameterizedTest
    @MethodSource("settings")
    void theMetadataDescribesEachSettingWithItsDeclaredDefault(String key) {
        List<Map<String, Object>> properties = metadata.read("$.properties[?(@.name == 'cors.defaults." + key + "')]");
        assertThat(properties).singleElement().satisfies((property) -> {
            assertThat(property.get("description")).asString().isNotBlank();
            Object declared = PropertyAccessorFactory.forBeanPropertyAccess(new PolicySettings())
                .getPropertyValue(camel(key));
            Object written = property.get("defaultValue");
            assertThat((declared instanceof Duration) ? DurationStyle.detectAndParse(String.valueOf(written))
                    : written).isEqualTo(declared);
        });
    }

    @ParameterizedTest
    @MethodSource("settings")
    void aPolicySetsEachSettingAndItsCandidateInheritsIt(String key) {
        BoundCorsProperties bound = bind(API + key, valueOf(key));
        assertThat(bound.problems()).isEmpty();
        CorsPolicySpec spec = spec(bound);
        assertThat(setting(spec, key).property()).isEqualTo(API + key);
        assertThat(setting(spec.candidate(), key)).isEqualTo(setting(spec, key));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void aPolicyInheritsEachSettingFromTheDefaults(String key) {
        BoundCorsProperties bound = bind("cors.defaults." + key, valueOf(key));
        assertThat(bound.problems()).isEmpty();
        assertThat(setting(spec(bound), key).property()).isEqualTo("cors.defaults." + key);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void aCandidateSetsEachSetting(String key) {
        BoundCorsProperties bound = bind(API + "candidate." + key, valueOf(key));
        assertThat(bound.problems()).isEmpty();
        assertThat(setting(spec(bound).candidate(), key).property()).isEqualTo(API + "candidate." + key);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void aMisspeltSettingIsReportedWithTheDeclaredKey(String key) {
        BoundCorsProperties bound = bind(API + key + "x", valueOf(key));
        assertThat(bound.problems()).singleElement()
            .satisfies((problem) -> assertThat(problem.fix()).contains("'" + key + "'"));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void theFingerprintChangesWithEachSetting(String key) {
        String fingerprint = load().fingerprint();
        assertThat(Stream.of("*", "https://*.example.com", "true", "1s")
            .map((value) -> loadIfValid(API + key, value))
            .filter((snapshot) -> snapshot != null)
            .map(PolicySnapshot::fingerprint)
            .filter((changed) -> !changed.equals(fingerprint))).isNotEmpty();
    }

    @Test
    void theEndpointListsEachSettingInOrder() {
        List<String> listed = Stream.of(PolicySetting.values())
            .map((setting) -> camel(setting.key()) + ((setting == PolicySetting.MAX_AGE) ? "Seconds" : ""))
            .toList();
        assertThat(Stream.of(PolicyDescriptor.class.getRecordComponents()).map(RecordComponent::getName))
            .containsExactlyElementsOf(Stream.of(List.of("name", "paths", "hosts"), listed,
                    List.of("suppliedOrigins", "cacheable", "candidate", "pendingSuppliers"))
                .flatMap(List::stream)
                .toList());
    }

    private static String valueOf(String key) {
        Class<?> type = PropertyAccessorFactory.forBeanPropertyAccess(new PolicySettings())
            .getPropertyType(camel(key));
        if (type == Duration.class) {
            return "1s";
        }
        return (type == boolean.class || type == Boolean.class) ? "true" : "X-Schema";
    }

    private static Setting<?> setting(CorsPolicySpec spec, String key) {
        return spec.setting(Stream.of(PolicySetting.values())
            .filter((setting) -> setting.key().equals(key))
            .findFirst()
            .orElseThrow());
    }

    private static CorsPolicySpec spec(BoundCorsProperties bound) {
        return PolicySpecs.from(bound).get(0);
    }

    private static BoundCorsProperties bind(String... property) {
        MockEnvironment environment = environment(property);
        // A candidate, by a setting other than the one under test.
        String other = settings().filter((key) -> property.length == 0 || !property[0].endsWith("." + key))
            .findFirst()
            .orElseThrow();
        environment.setProperty(API + "candidate." + other, valueOf(other));
        return CorsPropertiesBinder.bind(environment);
    }

    private static PolicySnapshot load(String... property) {
        return new CorsConfigurationLoader().load(environment(property));
    }

    private static PolicySnapshot loadIfValid(String property, String value) {
        try {
            return load(property, value);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static MockEnvironment environment(String... property) {
        MockEnvironment environment = new MockEnvironment().withProperty(API + "paths", "/api/**");
        if (property.length == 2) {
            environment.setProperty(property[0], property[1]);
        }
        return environment;
    }

    private static String camel(String dashed) {
        StringBuilder camel = new StringBuilder();
        for (String part : dashed.split("-")) {
            camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }
}
