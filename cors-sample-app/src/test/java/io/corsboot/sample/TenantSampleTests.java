package io.corsboot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenants walk-through of docs/changing-policies.md, on both stacks: origins from a table, a tenant added while the
 * application runs, the fingerprint that follows, and a stricter candidate whose disagreements are counted.
 */
class TenantSampleTests {

    private final HttpClient client = HttpClient.newHttpClient();

    private String api;

    @ParameterizedTest
    @EnumSource(SampleStack.class)
    void walksThroughAddingATenantAndReadingTheCandidatesDisagreements(SampleStack stack) throws Exception {
        try (ConfigurableApplicationContext context = stack.start()) {
            this.api = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();

            HttpResponse<String> acme = send(get("/tenant-api/settings/acme", "https://acme.example.com"));
            assertThat(acme.statusCode()).isEqualTo(200);
            assertThat(acme.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://acme.example.com");
            String listing = send(request("/actuator/cors").GET()).body();
            assertThat(suppliedOrigins(listing)).containsExactly(2);

            String initech = "https://initech.example.com";
            assertThat(send(get("/tenant-api/settings/initech", initech)).statusCode()).isEqualTo(403);
            assertThat(addTenant("initech", initech).statusCode()).isEqualTo(201);
            HttpResponse<String> added = send(get("/tenant-api/settings/initech", initech));
            assertThat(added.statusCode()).isEqualTo(200);
            assertThat(added.headers().firstValue("Access-Control-Allow-Origin")).hasValue(initech);
            String after = send(request("/actuator/cors").GET()).body();
            assertThat(suppliedOrigins(after)).containsExactly(3);
            assertThat(JsonPath.<String>read(after, "$.fingerprint"))
                .isNotEqualTo(JsonPath.<String>read(listing, "$.fingerprint"));

            assertThat(addTenant("typo", "https://typo.example.com/").statusCode()).isEqualTo(201);
            List<String> warnings = JsonPath.read(send(request("/actuator/cors").GET()).body(), "$.warnings");
            assertThat(warnings).singleElement().asString().contains("\"https://typo.example.com/\" has a trailing slash");
            assertThat(send(get("/tenant-api/settings/acme", "https://acme.example.com")).statusCode()).isEqualTo(200);

            HttpResponse<String> preflight = send(request("/tenant-api/settings/globex")
                .header("Origin", "https://globex.example.com")
                .header("Access-Control-Request-Method", "PUT")
                .method("OPTIONS", BodyPublishers.noBody()));
            assertThat(preflight.statusCode()).isEqualTo(200);
            String metric = send(request("/actuator/metrics/cors.candidate?tag=policy:tenant-api"
                    + "&tag=enforced:allowed&tag=candidate:rejected&tag=reason:METHOD_NOT_ALLOWED").GET()).body();
            assertThat(JsonPath.<List<Double>>read(metric, "$.measurements[?(@.statistic == 'COUNT')].value"))
                .containsExactly(1.0);
        }
    }

    private static List<Integer> suppliedOrigins(String listing) {
        return JsonPath.read(listing, "$.policies[?(@.name == 'tenant-api')].suppliedOrigins");
    }

    private HttpResponse<String> addTenant(String name, String origin) throws Exception {
        return send(request("/admin/tenants").header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"name\":\"" + name + "\",\"origin\":\"" + origin + "\"}")));
    }

    private HttpRequest.Builder get(String path, String origin) {
        return request(path).header("Origin", origin).GET();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(this.api + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.client.send(request.build(), BodyHandlers.ofString());
    }
}
