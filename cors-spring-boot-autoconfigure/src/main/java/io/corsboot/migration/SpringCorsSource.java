package io.corsboot.migration;

import java.util.List;

/**
 * A source of CORS configurations that Spring applies without the starter: {@code @CrossOrigin}, registry mappings,
 * {@code CorsConfigurationSource} and {@code CorsFilter} beans, Actuator's {@code management.endpoints.web.cors.*}.
 * Every bean of this type contributes its entries to the migration report, in the beans' order; a source for another
 * framework's CORS configuration (a gateway's, for one) is another such bean, with a {@link SpringCorsEntry.Kind} of
 * its own.
 * <p>
 * A source reads the configurations as Spring resolved them, once the application context is refreshed, and never
 * fails: what it cannot read it reports as an {@link SpringCorsEntry#unreadable unreadable} entry that says what to
 * do.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SpringCorsSource {

    /**
     * The CORS configurations this source finds in the application, in a stable order.
     * @return the entries, empty when there are none
     */
    List<SpringCorsEntry> entries();
}
