package io.corsboot.sample.playground;

import java.net.InetAddress;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Serves the playground page on Spring MVC: a second connector of the embedded Tomcat, on the playground's port and
 * the API's address. It serves the same application as the API's connector; only the port, and so the origin,
 * differs.
 */
final class TomcatPlaygroundConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
        ApplicationListener<ServletWebServerInitializedEvent> {

    private final Connector connector = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);

    private final Playground playground;

    TomcatPlaygroundConnector(int port, @Nullable InetAddress address, Playground playground) {
        this.connector.setPort(port);
        if (address != null) {
            ((AbstractProtocol<?>) this.connector.getProtocolHandler()).setAddress(address);
        }
        this.playground = playground;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalConnectors(this.connector);
    }

    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            this.playground.pageStarted(this.connector.getLocalPort());
        }
    }
}
