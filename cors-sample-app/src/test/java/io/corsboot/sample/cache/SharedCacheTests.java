package io.corsboot.sample.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.corsboot.sample.SampleStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample behind a real shared cache ({@link SharedCache}) on each stack: on a path whose policy allows some
 * origins with credentials, the cache keeps one copy per {@code Origin}, and no origin is ever answered with another's
 * {@code Access-Control-Allow-Origin}, the cache poisoning that {@code Vary: Origin} exists to stop; on a public
 * policy's path, it keeps one copy for every origin and none.
 */
class SharedCacheTests {

    private static final String PARTNER = "https://partner.example.com";

    private static final String SHOP = "https://shop.partner.example.com";

    private static final String EVIL = "https://evil.example.net";

    private static final String ACAO = "Access-Control-Allow-Origin";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void nginx() {
        SharedCache.assumeInstalled();
    }

    @ParameterizedTest
    @EnumSource(SampleStack.class)
    void keepsOneCopyPerOriginOfACredentialedPathAndNeverServesOneOriginAnothersAnswer(SampleStack stack,
            @TempDir Path directory) throws Exception {
        try (ConfigurableApplicationContext application = stack.start();
                SharedCache cache = SharedCache.start(port(application), directory)) {
            String orders = cache.url() + "/api/orders";

            assertAnswer(get(orders, PARTNER), 200, PARTNER, "MISS");
            assertAnswer(get(orders, PARTNER), 200, PARTNER, "HIT");
            assertAnswer(get(orders, SHOP), 200, SHOP, "MISS");
            assertAnswer(get(orders, SHOP), 200, SHOP, "HIT");
            assertAnswer(get(orders, null), 200, null, "MISS");
            assertAnswer(get(orders, EVIL), 403, null, "MISS");
            assertAnswer(get(orders, EVIL), 403, null, "HIT");
            assertAnswer(get(orders, PARTNER), 200, PARTNER, "HIT");
            assertAnswer(get(orders, null), 200, null, "HIT");
        }
    }

    @ParameterizedTest
    @EnumSource(SampleStack.class)
    void keepsOneCopyOfAPublicPathForEveryOriginAndNone(SampleStack stack, @TempDir Path directory) throws Exception {
        try (ConfigurableApplicationContext application = stack.start();
                SharedCache cache = SharedCache.start(port(application), directory)) {
            String greeting = cache.url() + "/public/greeting";

            assertAnswer(get(greeting, PARTNER), 200, "*", "MISS");
            assertAnswer(get(greeting, EVIL), 200, "*", "HIT");
            assertAnswer(get(greeting, null), 200, "*", "HIT");
            assertAnswer(get(greeting, "https://evil.example.net/"), 200, "*", "HIT");
            assertThat(get(greeting, SHOP).headers().allValues("Vary")).doesNotContain("Origin");
        }
    }

    private static void assertAnswer(HttpResponse<String> response, int status, @Nullable String allowedOrigin,
            String cacheStatus) {
        String request = response.request().headers().firstValue("Origin").orElse("no Origin");
        assertThat(response.statusCode()).as("status for %s", request).isEqualTo(status);
        assertThat(response.headers().allValues(ACAO)).as("%s for %s", ACAO, request)
            .isEqualTo((allowedOrigin != null) ? List.of(allowedOrigin) : List.of());
        assertThat(response.headers().firstValue("X-Cache-Status")).as("cache status for %s", request)
            .hasValue(cacheStatus);
    }

    private HttpResponse<String> get(String url, @Nullable String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (origin != null) {
            request.header("Origin", origin);
        }
        return this.http.send(request.build(), BodyHandlers.ofString());
    }

    private static int port(ConfigurableApplicationContext application) {
        return ((WebServerApplicationContext) application).getWebServer().getPort();
    }
}
