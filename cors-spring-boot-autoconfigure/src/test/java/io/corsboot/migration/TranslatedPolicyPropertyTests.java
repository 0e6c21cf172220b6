package io.corsboot.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a Spring configuration holds, the report's YAML gives the same values back, and nothing else: a value
 * never escapes its scalar into another key.
 */
class TranslatedPolicyPropertyTests {

    @Property(tries = 2000)
    void theYamlHoldsEachValueAsSpringHeldIt(@ForAll @Size(max = 4) List<String> headers) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedHeaders(headers);
        configuration.setExposedHeaders(headers);
        TranslatedPolicy policy = TranslatedPolicy.of("p", List.of("/api/**"), configuration);

        Map<String, String> expected = new LinkedHashMap<>();
        policy.properties(expected);
        assertThat(parsed("cors:\n  policies:\n" + policy.yaml())).isEqualTo(expected);
        List<String> read = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            read.add(expected.get("cors.policies.p.allowed-headers[" + i + "]"));
        }
        assertThat(read).isEqualTo(headers);
    }

    private static Map<String, String> parsed(String yaml) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ByteArrayResource(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Properties properties = factory.getObject();
        Map<String, String> parsed = new LinkedHashMap<>();
        if (properties != null) {
            properties.stringPropertyNames().forEach((name) -> parsed.put(name, properties.getProperty(name)));
        }
        return parsed;
    }
}
