package io.corsboot.sample.playground;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where the API and the playground page are served. The ports are known once their servers have started, which
 * also makes free ports (0) work.
 */
final class Playground implements ApplicationListener<WebServerInitializedEvent> {

    private final String stack;

    private volatile int apiPort = -1;

    private volatile int pagePort = -1;

    Playground(String stack) {
        this.stack = stack;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // A management server on a port of its own has a namespace; the API's server has none.
        if (event.getApplicationContext().getServerNamespace() == null) {
            this.apiPort = event.getWebServer().getPort();
        }
    }

    void pageStarted(int port) {
        this.pagePort = port;
    }

    int pagePort() {
        return this.pagePort;
    }

    /** What the page needs to know: the web stack and the three origins it works with. */
    Settings settings() {
        return new Settings(this.stack, "http://localhost:" + this.apiPort, "http://localhost:" + this.pagePort,
                "http://127.0.0.1:" + this.pagePort);
    }

    /**
     * The playground's settings as the page reads them.
     *
     * @param stack the web stack serving the API
     * @param apiOrigin the API's origin
     * @param pageOrigin the page's origin: the API's host, another port
     * @param otherOrigin the page's port on another host, which no policy allows
     */
    record Settings(String stack, String apiOrigin, String pageOrigin, String otherOrigin) {
    }
}
