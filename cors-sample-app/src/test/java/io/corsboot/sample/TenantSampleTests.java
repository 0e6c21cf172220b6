package io.corsboot.sample;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
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

    @ParameterizedTest
    @EnumSource(SampleStack.class)
    void walksThroughAddingATenantAndReadingTheCandidatesDisagreements(SampleStack stack) throws Exception {
        try (ConfigurableApplicationContext context = stack.start()) {
            SampleClient api = new SampleClient(
                    "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());

            HttpResponse<String> acme = api.send(api.get("/tenant-api/settings/acme", "https://acme.example.com"));
            assertThat(acme.statusCode()).isEqualTo(200);
            assertThat(acme.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://acme.example.com");
            String listing = api.send(api.request("/actuator/cors").GET()).body();
            assertThat(SampleClient.suppliedOrigins(listing)).containsExactly(2);

            String initech = "https://initech.example.com";
            assertThat(api.send(api.get("/tenant-api/settings/initech", initech)).statusCode()).isEqualTo(403);
            assertThat(addTenant(api, "initech", initech).statusCode()).isEqualTo(201);
            HttpResponse<String> added = api.send(api.get("/tenant-api/settings/initech", initech));
            assertThat(added.statusCode()).isEqualTo(200);
            assertThat(added.headers().firstValue("Access-Control-Allow-Origin")).hasValue(initech);
            String after = api.send(api.request("/actuator/cors").GET()).body();
            assertThat(SampleClient.suppliedOrigins(after)).containsExactly(3);
            assertThat(JsonPath.<String>read(after, "$.fingerprint"))
                .isNotEqualTo(JsonPath.<String>read(listing, "$.fingerprint"));

            assertThat(addTenant(api, "typo", "https://typo.example.com/").statusCode()).isEqualTo(201);
            List<String> warnings = JsonPath.read(api.send(api.request("/actuator/cors").GET()).body(), "$.warnings");
            assertThat(warnings).singleElement().asString().contains("\"https://typo.example.com/\" has a trailing slash");
            assertThat(api.send(api.get("/tenant-api/settings/acme", "https://acme.example.com")).statusCode())
                .isEqualTo(200);

            assertThat(api.tenantPutPreflight().statusCode()).isEqualTo(200);
            assertThat(api.candidateMethodDisagreements()).containsExactly(1.0);
        }
    }

    private static HttpResponse<String> addTenant(SampleClient api, String name, String origin) throws Exception {
        return api.send(api.request("/admin/tenants").header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"name\":\"" + name + "\",\"origin\":\"" + origin + "\"}")));
    }
}
