package io.corsboot.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.corsboot.migration.SpringCorsEntry.Kind;

/**
 * The CORS configurations of Spring MVC's request mappings: each handler's {@code @CrossOrigin}, and each mapping of
 * {@code addCorsMappings}, as the {@link RequestMappingHandlerMapping} beans hold them.
 *
 * @since 0.1.0
 */
public final class MvcCorsSource implements SpringCorsSource {

    private static final CrossOriginResolution CROSS_ORIGIN = new CrossOriginResolution(
            RequestMappingHandlerMapping.class, RequestMappingInfo.class);

    private final ListableBeanFactory beans;

    /**
     * Creates the source.
     * @param beans the application's beans, where the handler mappings are
     */
    public MvcCorsSource(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public List<SpringCorsEntry> entries() {
        List<SpringCorsEntry> crossOrigins = new ArrayList<>();
        Map<String, SpringCorsEntry> mappings = new LinkedHashMap<>();
        for (RequestMappingHandlerMapping mapping : this.beans.getBeansOfType(RequestMappingHandlerMapping.class)
            .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> method : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = method.getKey();
                CorsConfiguration configuration = CROSS_ORIGIN.of(mapping, info, method.getValue());
                if (configuration != null) {
                    crossOrigins.add(SpringCorsEntry.of(Kind.CROSS_ORIGIN,
                            CrossOriginResolution.declaredBy(method.getValue()), List.copyOf(info.getPatternValues()),
                            configuration));
                }
            }
            CorsConfigurationSource global = mapping.getCorsConfigurationSource();
            if (global instanceof UrlBasedCorsConfigurationSource urlBased) {
                // Spring MVC gives its mappings back in no particular order: sorted, the report is stable.
                new TreeMap<>(urlBased.getCorsConfigurations())
                    .forEach((pattern, configuration) -> mappings.putIfAbsent(pattern, SpringCorsEntry
                        .of(Kind.CORS_MAPPING, "addCorsMappings", List.of(pattern), configuration)));
            }
        }
        List<SpringCorsEntry> entries = new ArrayList<>(crossOrigins);
        entries.addAll(mappings.values());
        return entries;
    }
}
