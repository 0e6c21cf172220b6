package io.corsboot.sample;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code @CrossOrigin}s, on both stacks: on a path a policy covers, the policy alone decides; on a path
 * no policy covers, Spring's own CORS processing answers as it did before the starter; the migration report lists both,
 * and carries over the one no policy decides on.
 */
class SpringCorsSampleTests {

    @ParameterizedTest
    @EnumSource(SampleStack.class)
    void aPolicyDecidesWhereItCoversACrossOriginAndSpringAnswersElsewhere(SampleStack stack) throws Exception {
        try (ConfigurableApplicationContext context = stack.start()) {
            SampleClient api = new SampleClient(
                    "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());

            HttpResponse<String> reports = api.send(api.get("/api/reports/daily", "https://reports.example.com"));
            assertThat(reports.statusCode()).isEqualTo(403);
            assertThat(reports.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            HttpResponse<String> partner = api.send(api.get("/api/reports/daily", "https://partner.example.com"));
            assertThat(partner.statusCode()).isEqualTo(200);
            assertThat(partner.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");

            HttpResponse<String> widgets = api.send(api.get("/widgets", "https://widgets.example.com"));
            assertThat(widgets.statusCode()).isEqualTo(200);
            assertThat(widgets.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://widgets.example.com");
            assertThat(api.send(api.get("/widgets", "https://partner.example.com")).statusCode()).isEqualTo(403);

            String report = api.send(api.request("/actuator/cors/migration").GET()).body();
            assertThat(JsonPath.<List<String>>read(report, "$.configurations[*].declaredBy"))
                .containsExactlyInAnyOrder(ReportController.class.getName() + "#daily",
                        WidgetController.class.getName() + "#widgets");
            assertThat(JsonPath.<List<String>>read(report,
                    "$.configurations[?(@.paths[0] == '/api/reports/daily')].shadowedBy[*].policy"))
                .containsExactly("partner-api");
            assertThat(JsonPath.<List<String>>read(report,
                    "$.configurations[?(@.paths[0] == '/widgets')].shadowedBy[*].policy"))
                .isEmpty();
            assertThat(JsonPath.<String>read(report, "$.yaml")).isEqualTo("""
                    cors:
                      policies:
                        widget-controller-widgets:
                          paths: ["/widgets"]
                          allowed-origins: ["https://widgets.example.com"]
                          allowed-methods: ["GET"]
                          allowed-headers: ["*"]
                          max-age: 1800
                    """);
        }
    }
}
