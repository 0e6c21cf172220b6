package io.corsboot.sample.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's nginx as a shared cache in front of one application, as a CDN would be: it keeps every GET and HEAD
 * answer (200 and 403) for ten minutes whatever the application's caching headers say, one copy per value of the
 * request headers the answer's {@code Vary} names, and tells in {@code X-Cache-Status} whether it answered from its
 * copy ({@code HIT}) or asked the application ({@code MISS}). Started in a directory of its own, on a free loopback
 * port; {@link #close()} stops it.
 */
public final class SharedCache implements AutoCloseable {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(20);

    private final Process process;

    private final int port;

    private SharedCache(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Fails when CI is set and nginx is missing, so that CI never passes without the shared-cache tests. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(NGINX);
        String message = NGINX + " is needed for the shared-cache tests: apt-get install nginx (.ci/run installs it)";
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail(message);
        }
        assumeTrue(installed, message);
    }

    /** Starts a cache in front of the application on the given loopback port, its files in the given directory. */
    public static SharedCache start(int applicationPort, Path directory) {
        try {
            int port = freePort();
            Path configuration = directory.resolve("nginx.conf");
            Files.writeString(configuration, configuration(directory, port, applicationPort));
            Process process = new ProcessBuilder(NGINX.toString(), "-p", directory.toString(), "-c",
                    configuration.toString(), "-e", directory.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.out").toFile())
                .start();
            SharedCache cache = new SharedCache(process, port);
            cache.awaitListening(directory);
            return cache;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The cache's base URL, such as {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + this.port;
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
            this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String configuration(Path directory, int port, int applicationPort) {
        // A root master hands requests to workers of another user, which could not write the cache directory.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    proxy_cache_path %1$s/cache keys_zone=shared:1m;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://127.0.0.1:%3$d;
                            proxy_cache shared;
                            proxy_cache_methods GET HEAD;
                            proxy_cache_valid 200 403 10m;
                            proxy_ignore_headers Cache-Control Expires Set-Cookie;
                            add_header X-Cache-Status $upstream_cache_status always;
                        }
                    }
                }
                """.formatted(directory, port, applicationPort);
    }

    private void awaitListening(Path directory) throws IOException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!this.process.isAlive()) {
                fail("nginx stopped: " + Files.readString(directory.resolve("nginx.out")));
            }
            try (Socket socket = new Socket("127.0.0.1", this.port)) {
                return;
            }
            catch (IOException notYet) {
                sleep();
            }
        }
        this.process.destroyForcibly();
        fail("nginx did not listen on port " + this.port + " within " + STARTUP_LIMIT);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
