package io.corsboot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenants walk-through of the README: origins from a table, a tenant added, a stricter candidate. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TenantSampleTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void aTenantInTheTableMayCallTheTenantApi() throws Exception {
        HttpResponse<String> response = send(get("/tenant-api/settings/acme", "https://acme.example.com"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://acme.example.com");
    }

    @Test
    void anAddedTenantMayCallTheTenantApiAtOnce() throws Exception {
        String origin = "https://initech.example.com";
        assertThat(send(get("/tenant-api/settings/initech", origin)).statusCode()).isEqualTo(403);
        HttpResponse<String> added = send(request("/admin/tenants")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"name\":\"initech\",\"origin\":\"" + origin + "\"}")));
        assertThat(added.statusCode()).isEqualTo(201);
        HttpResponse<String> response = send(get("/tenant-api/settings/initech", origin));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
    }

    @Test
    void theCandidateCountsTheWritesItWouldReject() throws Exception {
        HttpResponse<String> preflight = send(request("/tenant-api/settings/globex")
            .header("Origin", "https://globex.example.com")
            .header("Access-Control-Request-Method", "PUT")
            .method("OPTIONS", BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(200);
        HttpResponse<String> metric = send(request("/actuator/metrics/cors.candidate?tag=policy:tenant-api"
                + "&tag=enforced:allowed&tag=candidate:rejected&tag=reason:METHOD_NOT_ALLOWED").GET());
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(metric.body()).contains("\"statistic\":\"COUNT\",\"value\":1.0");
    }

    private HttpRequest.Builder get(String path, String origin) {
        return request(path).header("Origin", origin).GET();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.client.send(request.build(), BodyHandlers.ofString());
    }
}
