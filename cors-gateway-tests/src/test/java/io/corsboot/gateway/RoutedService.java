package io.corsboot.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service behind the gateway, on its own random port on 127.0.0.1, that counts the requests reaching it and answers
 * each with its own, wrong CORS headers: {@value #ANY_ORIGIN} and {@value #OTHER_ORIGIN} in
 * {@code Access-Control-Allow-Origin}, credentials, an exposed {@code X-Secret}, and {@code Vary: Accept-Encoding}.
 * A path ending in {@code /fail} answers 500, every other path 200.
 */
final class RoutedService implements AutoCloseable {

    static final String ANY_ORIGIN = "*";

    static final String OTHER_ORIGIN = "https://other.example";

    private final AtomicInteger hits = new AtomicInteger();

    private final HttpServer server;

    private RoutedService(HttpServer server) {
        this.server = server;
    }

    static RoutedService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RoutedService service = new RoutedService(server);
            server.createContext("/", service::answer);
            server.start();
            return service;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        this.hits.incrementAndGet();
        Headers headers = exchange.getResponseHeaders();
        headers.add("Access-Control-Allow-Origin", ANY_ORIGIN);
        headers.add("Access-Control-Allow-Origin", OTHER_ORIGIN);
        headers.add("Access-Control-Allow-Credentials", "true");
        headers.add("Access-Control-Expose-Headers", "X-Secret");
        headers.add("Vary", "Accept-Encoding");
        headers.add("X-Service", "answered");
        byte[] body = "answered by the service".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/fail") ? 500 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The service's own origin, which the gateway routes to. */
    String uri() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    /** How many requests have reached the service. */
    int hits() {
        return this.hits.get();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }
}
