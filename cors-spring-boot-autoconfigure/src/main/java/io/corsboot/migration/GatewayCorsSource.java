package io.corsboot.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.predicate.PathRoutePredicateFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.web.cors.CorsConfiguration;

import io.corsboot.migration.SpringCorsEntry.Kind;

/**
 * Spring Cloud Gateway's own CORS configurations (Server WebFlux): its {@code globalcors} properties and the
 * {@code cors} metadata of its routes, keyed by path as the gateway keys them for its route handler mapping.
 * <p>
 * The gateway gives a route's metadata the route's first {@code Path} pattern ({@code /**} without one), and a
 * global configuration only the paths no route's metadata takes; it reads the routes again each time they are
 * refreshed. Neither the map it builds nor the mapping's source is exposed, so this source rebuilds both from the same
 * inputs, on the same event.
 *
 * @since 0.1.0
 */
public final class GatewayCorsSource implements SpringCorsSource, ApplicationListener<RefreshRoutesResultEvent> {

    private static final String METADATA_KEY = "cors";

    private static final String ALL_PATHS = "/**";

    private final GlobalCorsProperties globalCors;

    private final RouteLocator routes;

    private final String globalCorsPrefix = globalCorsPrefix();

    private volatile Map<String, SpringCorsEntry> routeEntries = Map.of();

    /**
     * Creates the source.
     * @param globalCors the gateway's global CORS properties
     * @param routes the gateway's routes
     */
    public GatewayCorsSource(GlobalCorsProperties globalCors, RouteLocator routes) {
        this.globalCors = globalCors;
        this.routes = routes;
    }

    @Override
    public void onApplicationEvent(RefreshRoutesResultEvent event) {
        if (event.isSuccess()) {
            this.routes.getRoutes().collectList().subscribe(this::readRoutes);
        }
    }

    private void readRoutes(List<Route> routes) {
        Map<String, SpringCorsEntry> byPath = new LinkedHashMap<>();
        for (Route route : routes) {
            if (route.getMetadata().get(METADATA_KEY) instanceof Map<?, ?> metadata) {
                String path = firstPathPattern(route);
                byPath.putIfAbsent(path, routeEntry(route, path, metadata));
            }
        }
        this.routeEntries = byPath;
    }

    @Override
    public List<SpringCorsEntry> entries() {
        Map<String, SpringCorsEntry> byPath = new LinkedHashMap<>(this.routeEntries);
        this.globalCors.getCorsConfigurations()
            .forEach((path, configuration) -> byPath.putIfAbsent(path, SpringCorsEntry.of(Kind.GATEWAY_GLOBAL_CORS,
                    this.globalCorsPrefix + ".cors-configurations.[" + path + "]", List.of(path), configuration)));
        return List.copyOf(byPath.values());
    }

    private static String firstPathPattern(Route route) {
        AtomicReference<@Nullable String> first = new AtomicReference<>();
        route.getPredicate().accept((predicate) -> {
            if (predicate.getConfig() instanceof PathRoutePredicateFactory.Config path
                    && !path.getPatterns().isEmpty()) {
                first.compareAndSet(null, path.getPatterns().get(0));
            }
        });
        String path = first.get();
        return (path != null) ? path : ALL_PATHS;
    }

    /**
     * The configuration as the gateway reads a route's {@code cors} metadata, with the same types: where the gateway
     * cannot read it, neither can the report.
     */
    private static SpringCorsEntry routeEntry(Route route, String path, Map<?, ?> metadata) {
        String declaredBy = "route " + route.getId() + ", metadata " + METADATA_KEY;
        CorsConfiguration configuration = new CorsConfiguration();
        try {
            for (Map.Entry<?, ?> setting : metadata.entrySet()) {
                Object value = setting.getValue();
                switch (String.valueOf(setting.getKey())) {
                    case "allowCredentials" -> configuration.setAllowCredentials((Boolean) value);
                    case "allowedHeaders" -> configuration.setAllowedHeaders(values(value));
                    case "allowedMethods" -> configuration.setAllowedMethods(values(value));
                    case "allowedOriginPatterns" -> configuration.setAllowedOriginPatterns(values(value));
                    case "allowedOrigins" -> configuration.setAllowedOrigins(values(value));
                    case "exposedHeaders" -> configuration.setExposedHeaders(values(value));
                    case "maxAge" -> configuration.setMaxAge((value instanceof Integer seconds) ? Long.valueOf(seconds)
                            : (Long) value);
                    default -> {
                        // The gateway ignores any other key.
                    }
                }
            }
        }
        catch (ClassCastException ex) {
            return SpringCorsEntry.unreadable(Kind.GATEWAY_ROUTE_CORS, declaredBy, List.of(path),
                    "The gateway cannot read this cors metadata either (" + ex.getMessage() + "): give "
                            + "allowCredentials a boolean, maxAge a number of seconds and the other keys a value "
                            + "or a list of values.");
        }
        return SpringCorsEntry.of(Kind.GATEWAY_ROUTE_CORS, declaredBy, List.of(path), configuration);
    }

    /** A single value, a list, or the map that binding an indexed list into metadata gives. */
    @SuppressWarnings("unchecked")
    private static List<String> values(Object value) {
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof Map<?, ?> indexed) {
            return new ArrayList<>((Collection<String>) indexed.values());
        }
        return (List<String>) value;
    }

    /** Where the gateway's line binds its global CORS properties from. */
    private static String globalCorsPrefix() {
        return MergedAnnotations.from(GlobalCorsProperties.class)
            .get(ConfigurationProperties.class)
            .getValue("prefix", String.class)
            .filter((prefix) -> !prefix.isEmpty())
            .orElse("globalcors");
    }
}
