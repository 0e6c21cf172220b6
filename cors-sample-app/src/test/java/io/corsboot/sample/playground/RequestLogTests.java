package io.corsboot.sample.playground;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTests {

    private final RequestLog log = new RequestLog();

    @Test
    void recordsAPreflightWithWhatItAsksFor() {
        this.log.record("OPTIONS", "/api/orders", "probe=p-1", Map.of("Origin", "http://localhost:8081",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type")::get);
        assertThat(this.log.find("p-1")).singleElement().satisfies((entry) -> {
            assertThat(entry.preflight()).isTrue();
            assertThat(entry.requestMethod()).isEqualTo("PUT");
            assertThat(entry.requestHeaders()).isEqualTo("content-type");
        });
    }

    @Test
    void plainOptionsIsNoPreflight() {
        this.log.record("OPTIONS", "/api/orders", "probe=p-1", Map.of("Origin", "http://localhost:8081")::get);
        assertThat(this.log.find("p-1")).singleElement().satisfies((entry) -> assertThat(entry.preflight()).isFalse());
    }

    @Test
    void keepsCookieNamesButNeverTheirValues() {
        this.log.record("GET", "/api/me", "a=1&probe=p-2", Map.of("Cookie", "SAMPLE_SESSION=secret; theme=dark")::get);
        assertThat(this.log.find("p-2")).singleElement()
            .satisfies((entry) -> assertThat(entry.cookies()).containsExactly("SAMPLE_SESSION", "theme"))
            .asString()
            .doesNotContain("secret");
    }

    @Test
    void ignoresRequestsWithoutAWellFormedProbe() {
        this.log.record("GET", "/api/orders", null, Map.<String, String>of()::get);
        this.log.record("GET", "/api/orders", "probe=a%20b", Map.<String, String>of()::get);
        this.log.record("GET", "/api/orders", "probes=p-3", Map.<String, String>of()::get);
        assertThat(this.log.find("p-3")).isEmpty();
        assertThat(this.log.find("a%20b")).isEmpty();
    }

    @Test
    void forgetsTheOldestRequestsBeyondItsCapacity() {
        for (int i = 0; i <= 500; i++) {
            this.log.record("GET", "/api/orders", "probe=p-" + i, Map.<String, String>of()::get);
        }
        assertThat(this.log.find("p-0")).isEmpty();
        assertThat(this.log.find("p-1")).hasSize(1);
        assertThat(this.log.find("p-500")).hasSize(1);
    }
}
