package io.corsboot.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

/** Requests to a running sample's API, and the walk-through steps that more than one test takes. */
final class SampleClient {

    private final HttpClient client = HttpClient.newHttpClient();

    private final String api;

    SampleClient(String api) {
        this.api = api;
    }

    HttpRequest.Builder get(String path, String origin) {
        return request(path).header("Origin", origin).GET();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(this.api + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return this.client.send(request.build(), BodyHandlers.ofString());
    }

    /** A PUT preflight to tenant-api, which the policy allows and its candidate refuses. */
    HttpResponse<String> tenantPutPreflight() throws IOException, InterruptedException {
        return send(request("/tenant-api/settings/globex").header("Origin", "https://globex.example.com")
            .header("Access-Control-Request-Method", "PUT")
            .method("OPTIONS", BodyPublishers.noBody()));
    }

    /** How many requests tenant-api allowed and its candidate refused for their method. */
    List<Double> candidateMethodDisagreements() throws IOException, InterruptedException {
        String metric = send(request("/actuator/metrics/cors.candidate?tag=policy:tenant-api"
                + "&tag=enforced:allowed&tag=candidate:rejected&tag=reason:METHOD_NOT_ALLOWED").GET()).body();
        return JsonPath.read(metric, "$.measurements[?(@.statistic == 'COUNT')].value");
    }

    static List<Integer> suppliedOrigins(String listing) {
        return JsonPath.read(listing, "$.policies[?(@.name == 'tenant-api')].suppliedOrigins");
    }
}
