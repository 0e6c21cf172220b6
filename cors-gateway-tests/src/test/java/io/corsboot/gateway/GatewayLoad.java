package io.corsboot.gateway;

import java.util.Locale;

import io.corsboot.gateway.GatewayServer.Server;

/**
 * A gateway and its routed service, run until the process is stopped, for {@code scripts/gateway-load.sh}. The
 * arguments are the server ({@code webflux} or {@code webmvc}) and the variant: {@code starter}, or {@code none}
 * with the starter's auto-configurations left out, where the gateway's own global CORS settings answer on
 * {@code /api/**}. Prints the gateway's port.
 */
final class GatewayLoad {

    private static final String STARTER_AUTO_CONFIGURATIONS = String.join(",",
            "io.corsboot.autoconfigure.CorsAutoConfiguration", "io.corsboot.autoconfigure.CorsServletAutoConfiguration",
            "io.corsboot.autoconfigure.CorsReactiveAutoConfiguration",
            "io.corsboot.autoconfigure.CorsMetricsAutoConfiguration",
            "io.corsboot.autoconfigure.CorsEndpointAutoConfiguration",
            "io.corsboot.autoconfigure.CorsReloadAutoConfiguration");

    private GatewayLoad() {
    }

    public static void main(String[] args) {
        Server server = Server.valueOf(args[0].toUpperCase(Locale.ROOT));
        boolean starter = "starter".equals(args[1]);
        RoutedService service = RoutedService.start();
        GatewayServer gateway = starter ? GatewayServer.start(server, service)
                : GatewayServer.start(server, service, "spring.autoconfigure.exclude=" + STARTER_AUTO_CONFIGURATIONS);
        System.out.println("Gateway listening on port " + gateway.uri().substring(gateway.uri().lastIndexOf(':') + 1));
    }
}
