package io.corsboot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts as docs/sample.md runs it, on either stack, and serves the API, the playground page and the
 * {@code cors} endpoint.
 */
class SampleApplicationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(SampleStack.class)
    void startsOnItsStackAndServesTheApiThePlaygroundAndTheCorsEndpoint(SampleStack stack) throws Exception {
        try (ConfigurableApplicationContext context = stack.start()) {
            WebServer server = ((WebServerApplicationContext) context).getWebServer();
            assertThat(server).isInstanceOf((stack == SampleStack.MVC) ? TomcatWebServer.class : NettyWebServer.class);
            String api = "http://localhost:" + server.getPort();

            HttpResponse<String> greeting = get(api + "/public/greeting", "https://anywhere.example");
            assertThat(greeting.statusCode()).isEqualTo(200);
            assertThat(greeting.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            // A public policy answers every GET alike, so that a shared cache keeps one copy.
            assertThat(greeting.headers().allValues("Vary")).doesNotContain("Origin");

            String pageOrigin = JsonPath.read(get(api + "/playground/settings", null).body(), "$.pageOrigin");
            assertThat(pageOrigin).startsWith("http://localhost:").isNotEqualTo(api);
            HttpResponse<String> page = get(pageOrigin + "/", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>CORS playground</title>");

            HttpResponse<String> cors = get(api + "/actuator/cors", null);
            assertThat(cors.statusCode()).isEqualTo(200);
            List<String> policies = JsonPath.read(cors.body(), "$.policies[*].name");
            assertThat(policies).containsExactlyInAnyOrder("public", "partner-api", "admin", "cors-check", "tenant-api");
        }
    }

    private HttpResponse<String> get(String url, @Nullable String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return this.http.send(request.build(), BodyHandlers.ofString());
    }
}
