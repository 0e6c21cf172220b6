package io.corsboot.sample.playground;

import org.apache.catalina.connector.Connector;

import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Serves the playground page on Spring MVC: a second connector of the embedded Tomcat, on the playground's port. It
 * serves the same application as the API's connector; only the port, and so the origin, differs.
 */
final class TomcatPlaygroundConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
        ApplicationListener<ServletWebServerInitializedEvent> {

    private final Connector connector = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);

    private final Playground playground;

    TomcatPlaygroundConnector(int port, Playground playground) {
        this.connector.setPort(port);
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
