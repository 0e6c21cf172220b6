package io.corsboot.migration;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.util.pattern.PathPattern;

import io.corsboot.migration.SpringCorsEntry.Kind;

/**
 * The CORS configurations of a WebFlux application's beans: each {@link CorsConfigurationSource} bean (Spring
 * Security's {@code cors()} uses the one there is), and each {@link CorsWebFilter} bean, whose source Spring does not
 * expose.
 *
 * @since 0.1.0
 */
public final class ReactiveCorsBeansSource implements SpringCorsSource {

    // Unlike the servlet one, WebFlux's UrlBasedCorsConfigurationSource has no getter for what it was given, the
    // configuration of most reactive Spring Security setups: its field is read instead, when it is there.
    private static final @Nullable Field CORS_CONFIGURATIONS = ReflectionUtils
        .findField(UrlBasedCorsConfigurationSource.class, "corsConfigurations", Map.class);

    private final ListableBeanFactory beans;

    /**
     * Creates the source.
     * @param beans the application's beans
     */
    public ReactiveCorsBeansSource(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public List<SpringCorsEntry> entries() {
        List<SpringCorsEntry> entries = new ArrayList<>();
        for (Map.Entry<String, CorsConfigurationSource> bean : this.beans.getBeansOfType(CorsConfigurationSource.class)
            .entrySet()) {
            String name = bean.getKey();
            Map<PathPattern, CorsConfiguration> configurations = configurations(bean.getValue());
            if (configurations != null) {
                for (Map.Entry<PathPattern, CorsConfiguration> mapping : configurations.entrySet()) {
                    entries.add(SpringCorsEntry.of(Kind.CORS_CONFIGURATION_SOURCE, "bean " + name,
                            List.of(mapping.getKey().getPatternString()), mapping.getValue()));
                }
            }
            else {
                entries.add(SpringCorsEntry.unreadable(Kind.CORS_CONFIGURATION_SOURCE, "bean " + name, List.of(),
                        ServletCorsBeansSource.UNREADABLE_SOURCE));
            }
        }
        for (String name : this.beans.getBeanNamesForType(CorsWebFilter.class)) {
            entries.add(SpringCorsEntry.unreadable(Kind.CORS_FILTER, "bean " + name, List.of(),
                    ServletCorsBeansSource.UNREADABLE_FILTER));
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<PathPattern, CorsConfiguration> configurations(CorsConfigurationSource source) {
        if (!(source instanceof UrlBasedCorsConfigurationSource) || CORS_CONFIGURATIONS == null) {
            return null;
        }
        ReflectionUtils.makeAccessible(CORS_CONFIGURATIONS);
        return (Map<PathPattern, CorsConfiguration>) ReflectionUtils.getField(CORS_CONFIGURATIONS, source);
    }
}
