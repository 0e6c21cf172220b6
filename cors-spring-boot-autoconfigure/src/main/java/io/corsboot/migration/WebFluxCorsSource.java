package io.corsboot.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import io.corsboot.migration.SpringCorsEntry.Kind;

/**
 * The CORS configurations of WebFlux's request mappings: each handler's {@code @CrossOrigin}, as the
 * {@link RequestMappingHandlerMapping} beans resolve them, and each mapping that the {@link WebFluxConfigurer} beans
 * add to a {@link CorsRegistry}.
 *
 * @since 0.1.0
 */
public final class WebFluxCorsSource implements SpringCorsSource {

    private static final CrossOriginResolution CROSS_ORIGIN = new CrossOriginResolution(
            RequestMappingHandlerMapping.class, RequestMappingInfo.class);

    private final ListableBeanFactory beans;

    /**
     * Creates the source.
     * @param beans the application's beans, where the handler mappings and configurers are
     */
    public WebFluxCorsSource(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public List<SpringCorsEntry> entries() {
        List<SpringCorsEntry> entries = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : this.beans.getBeansOfType(RequestMappingHandlerMapping.class)
            .values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                CorsConfiguration configuration = CROSS_ORIGIN.of(mapping, info, handler);
                if (configuration != null) {
                    entries.add(SpringCorsEntry.of(Kind.CROSS_ORIGIN, CrossOriginResolution.declaredBy(handler),
                            info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                                .toList(),
                            configuration));
                }
            });
        }
        // WebFlux hands its handler mappings the registry's configurations without exposing them again; the
        // configurers fill a registry of the same class, which builds the same configurations.
        RegistryReader registry = new RegistryReader();
        this.beans.getBeanProvider(WebFluxConfigurer.class).orderedStream()
            .forEach((configurer) -> configurer.addCorsMappings(registry));
        registry.configurations()
            .forEach((pattern, configuration) -> entries.add(
                    SpringCorsEntry.of(Kind.CORS_MAPPING, "addCorsMappings", List.of(pattern), configuration)));
        return entries;
    }

    /** A registry that gives its configurations to the report. */
    private static final class RegistryReader extends CorsRegistry {

        Map<String, CorsConfiguration> configurations() {
            return getCorsConfigurations();
        }
    }
}
