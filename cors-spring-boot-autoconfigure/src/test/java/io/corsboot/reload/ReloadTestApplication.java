package io.corsboot.reload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.corsboot.testing.EnableAutoConfigurationWithoutSecurity;

/** A servlet application without security whose every path answers 200 {@code ok}, and a client for it. */
@SpringBootConfiguration
@EnableAutoConfigurationWithoutSecurity
@RestController
public class ReloadTestApplication {

    private static final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @RequestMapping("/**")
    String handle() {
        return "ok";
    }

    /** Sends a request with the given headers (name, value, name, value, …) to the server on a port. */
    public static HttpResponse<String> send(int port, String method, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }
}
