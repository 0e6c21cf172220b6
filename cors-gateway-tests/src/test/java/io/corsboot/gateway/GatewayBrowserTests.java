package io.corsboot.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.chrome.ChromeDriver;

import io.corsboot.gateway.GatewayServer.Server;
import io.corsboot.sample.playground.Chromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium on a page of another origin calls the gateway, which routes to a service that sends a second
 * {@code Access-Control-Allow-Origin} of its own: the browser, the only judge of a CORS answer, lets the page read
 * the response, with credentials, on both gateway servers.
 */
@TestInstance(Lifecycle.PER_CLASS)
class GatewayBrowserTests {

    private final Map<Server, GatewayServer> gateways = new EnumMap<>(Server.class);

    private @Nullable RoutedService service;

    private @Nullable HttpServer page;

    private @Nullable ChromeDriver browser;

    @BeforeAll
    void start(@TempDir Path profile) {
        Chromium.assumeInstalled();
        this.service = RoutedService.start();
        for (Server server : Server.values()) {
            this.gateways.put(server, GatewayServer.start(server, this.service));
        }
        this.page = servePage();
        this.browser = Chromium.start(profile);
        this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        this.browser.get("http://localhost:" + this.page.getAddress().getPort() + "/");
    }

    @AfterAll
    void stop() {
        if (this.browser != null) {
            this.browser.quit();
        }
        if (this.page != null) {
            this.page.stop(0);
        }
        this.gateways.values().forEach(GatewayServer::close);
        if (this.service != null) {
            this.service.close();
        }
    }

    @ParameterizedTest
    @EnumSource
    void aPageOnAnotherOriginReadsTheRoutedServicesAnswerWithCredentials(Server server) {
        Object answer = this.browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'include' })
                    .then((response) => response.text().then((text) => done(response.status + ' ' + text)))
                    .catch((error) => done('refused: ' + error));
                """, this.gateways.get(server).uri() + "/api/orders");
        assertThat(answer).isEqualTo("200 answered by the service");
    }

    private static HttpServer servePage() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = "<!doctype html><title>Another origin</title>".getBytes(StandardCharsets.UTF_8);
            server.createContext("/", (exchange) -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
