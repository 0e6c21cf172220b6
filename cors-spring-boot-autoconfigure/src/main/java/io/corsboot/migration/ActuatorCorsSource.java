package io.corsboot.migration;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.CorsEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.web.cors.CorsConfiguration;

import io.corsboot.migration.SpringCorsEntry.Kind;

/**
 * Actuator's own CORS configuration, {@code management.endpoints.web.cors.*}, on the web endpoints' base path.
 *
 * @since 0.1.0
 */
public final class ActuatorCorsSource implements SpringCorsSource {

    static final String PROPERTY = "management.endpoints.web.cors";

    private final ObjectProvider<CorsEndpointProperties> cors;

    private final ObjectProvider<WebEndpointProperties> endpoints;

    /**
     * Creates the source.
     * @param cors Actuator's CORS properties
     * @param endpoints Actuator's web endpoint properties, for their base path
     */
    public ActuatorCorsSource(ObjectProvider<CorsEndpointProperties> cors,
            ObjectProvider<WebEndpointProperties> endpoints) {
        this.cors = cors;
        this.endpoints = endpoints;
    }

    @Override
    public List<SpringCorsEntry> entries() {
        CorsEndpointProperties properties = this.cors.getIfAvailable();
        CorsConfiguration configuration = (properties != null) ? properties.toCorsConfiguration() : null;
        if (configuration == null) {
            return List.of();
        }
        WebEndpointProperties endpoints = this.endpoints.getIfAvailable();
        String basePath = (endpoints != null) ? endpoints.getBasePath() : "/actuator";
        String paths = basePath.endsWith("/") ? basePath + "**" : basePath + "/**";
        return List.of(SpringCorsEntry.of(Kind.ACTUATOR, PROPERTY, List.of(paths), configuration));
    }
}
