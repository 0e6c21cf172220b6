package io.corsboot.sample.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.corsboot.sample.SampleStack;
import io.corsboot.sample.playground.Chromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a browser can judge of a public path behind a shared cache: a copy that the cache kept from another
 * origin's request is one Chromium accepts, and the application never sees the browser's request.
 */
class SharedCacheBrowserTests {

    @Test
    void chromiumReadsAPublicAnswerThatTheCacheKeptForAnotherOrigin(@TempDir Path cacheDirectory,
            @TempDir Path profile) throws Exception {
        SharedCache.assumeInstalled();
        Chromium.assumeInstalled();
        try (ConfigurableApplicationContext application = SampleStack.MVC.start();
                SharedCache cache = SharedCache.start(port(application), cacheDirectory)) {
            String api = "http://localhost:" + port(application);
            String greeting = cache.url() + "/public/greeting?probe=cached-greeting";
            HttpResponse<String> primed = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(greeting)).header("Origin", "https://partner.example.com")
                    .build(), BodyHandlers.ofString());
            assertThat(primed.headers().firstValue("X-Cache-Status")).hasValue("MISS");

            String pageOrigin = JsonPath.read(get(api + "/playground/settings"), "$.pageOrigin");
            ChromeDriver browser = Chromium.start(profile);
            try {
                browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
                browser.get(pageOrigin + "/");
                @SuppressWarnings("unchecked")
                Map<String, Object> read = (Map<String, Object>) browser.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0]).then((response) => response.text()
                            .then((body) => done({ status: response.status, body: body })))
                            .catch((error) => done({ error: String(error) }));
                        """, greeting);
                assertThat(read).containsEntry("status", 200L).doesNotContainKey("error");
                assertThat((String) read.get("body")).isNotEmpty();
            }
            finally {
                browser.quit();
            }
            List<String> received = JsonPath.read(get(api + "/playground/requests/cached-greeting"), "$[*].origin");
            assertThat(received).as("requests the application received").containsExactly("https://partner.example.com");
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString())
            .body();
    }

    private static int port(ConfigurableApplicationContext application) {
        return ((WebServerApplicationContext) application).getWebServer().getPort();
    }
}
