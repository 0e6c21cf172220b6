package io.corsboot.sample.playground;

import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.server.reactive.HttpHandler;

/**
 * Serves the playground page on WebFlux: a second Reactor Netty server, on the playground's port and the API's
 * address, in front of the application's own {@link HttpHandler}, so that it serves the same application with the
 * same filters.
 */
final class NettyPlaygroundServer implements SmartLifecycle {

    private final HttpHandler httpHandler;

    private final int port;

    private final @Nullable InetAddress address;

    private final Playground playground;

    private final @Nullable ReactorResourceFactory resources;

    private volatile @Nullable WebServer server;

    NettyPlaygroundServer(HttpHandler httpHandler, int port, @Nullable InetAddress address, Playground playground,
            @Nullable ReactorResourceFactory resources) {
        this.httpHandler = httpHandler;
        this.port = port;
        this.address = address;
        this.playground = playground;
        this.resources = resources;
    }

    @Override
    public void start() {
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory(this.port);
        factory.setAddress(this.address);
        // The API's server runs on these event loops too, and they are released only after both servers stopped.
        factory.setResourceFactory(this.resources);
        WebServer server = factory.getWebServer(this.httpHandler);
        server.start();
        this.server = server;
        this.playground.pageStarted(server.getPort());
    }

    @Override
    public void stop() {
        WebServer server = this.server;
        if (server != null) {
            server.stop();
            this.server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.server != null;
    }

    /** Starts just after the API's server and stops just before it. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE + 1;
    }
}
