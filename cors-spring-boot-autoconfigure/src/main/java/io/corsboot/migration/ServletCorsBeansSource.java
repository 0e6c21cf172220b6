package io.corsboot.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.Filter;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import io.corsboot.migration.SpringCorsEntry.Kind;

/**
 * The CORS configurations of a servlet application's beans: each {@link CorsConfigurationSource} bean (the one
 * named {@code corsConfigurationSource} is what Spring Security's {@code cors()} uses), and each {@link CorsFilter}
 * bean or registration, whose source Spring does not expose.
 *
 * @since 0.1.0
 */
public final class ServletCorsBeansSource implements SpringCorsSource {

    static final String UNREADABLE_SOURCE = "Spring does not expose what this CorsConfigurationSource returns for a "
            + "path: declare it as a UrlBasedCorsConfigurationSource, which the report reads.";

    static final String UNREADABLE_FILTER = "Spring does not expose the source of a CORS filter: declare the "
            + "CorsConfigurationSource it takes as a bean, which the report reads, and remove the filter once "
            + "policies carry its configuration over.";

    private final ListableBeanFactory beans;

    /**
     * Creates the source.
     * @param beans the application's beans
     */
    public ServletCorsBeansSource(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public List<SpringCorsEntry> entries() {
        List<SpringCorsEntry> entries = new ArrayList<>();
        for (String name : this.beans.getBeanNamesForType(CorsConfigurationSource.class)) {
            // Told by its type, so that a lazy one is not created for the report.
            if (isSpringMvcs(this.beans.getType(name, false))) {
                continue;
            }
            if (this.beans.getBean(name) instanceof UrlBasedCorsConfigurationSource urlBased) {
                // Spring MVC gives its mappings back in no particular order: sorted, the report is stable.
                for (Map.Entry<String, CorsConfiguration> mapping : new TreeMap<>(urlBased.getCorsConfigurations())
                    .entrySet()) {
                    entries.add(SpringCorsEntry.of(Kind.CORS_CONFIGURATION_SOURCE, "bean " + name,
                            List.of(mapping.getKey()), mapping.getValue()));
                }
            }
            else {
                entries.add(SpringCorsEntry.unreadable(Kind.CORS_CONFIGURATION_SOURCE, "bean " + name, List.of(),
                        UNREADABLE_SOURCE));
            }
        }
        for (String name : this.beans.getBeanNamesForType(CorsFilter.class)) {
            entries.add(SpringCorsEntry.unreadable(Kind.CORS_FILTER, "bean " + name, List.of(), UNREADABLE_FILTER));
        }
        @SuppressWarnings("rawtypes")
        var registrations = this.beans.getBeansOfType(FilterRegistrationBean.class);
        for (var registration : registrations.entrySet()) {
            Filter filter = registration.getValue().getFilter();
            if (filter instanceof CorsFilter) {
                entries.add(SpringCorsEntry.unreadable(Kind.CORS_FILTER, "bean " + registration.getKey(),
                        List.copyOf(registration.getValue().getUrlPatterns()), UNREADABLE_FILTER));
            }
        }
        return entries;
    }

    // Spring MVC's HandlerMappingIntrospector, a lazy bean, is a source over the handler mappings, whose
    // configurations MvcCorsSource lists.
    private static boolean isSpringMvcs(@Nullable Class<?> type) {
        return type != null && type.getName().startsWith("org.springframework.web.servlet.");
    }
}
