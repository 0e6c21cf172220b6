package io.corsboot.reactive;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ReactiveCorsRequestTests {

    @Test
    void joinsTheLinesOfEveryRepeatedHeader() {
        ReactiveCorsRequest request = new ReactiveCorsRequest(MockServerHttpRequest.options("/api/orders")
            .header("Access-Control-Request-Method", "PUT", "DELETE")
            .header("Origin", "https://app.example.com", "https://evil.example")
            .build());
        assertThat(request.header("Access-Control-Request-Method")).isEqualTo("PUT, DELETE");
        assertThat(request.header("Origin")).isEqualTo("https://app.example.com, https://evil.example");
    }

    @Test
    void readsAnAbsentHeaderAsNull() {
        assertThat(new ReactiveCorsRequest(MockServerHttpRequest.get("/").build()).header("Origin")).isNull();
    }

    @Test
    void readsSchemeHostAndPortFromTheRequestUri() {
        ReactiveCorsRequest request = new ReactiveCorsRequest(
                MockServerHttpRequest.get("https://api.example.com:8443/api/orders").build());
        assertThat(request.scheme()).isEqualTo("https");
        assertThat(request.host()).isEqualTo("api.example.com");
        assertThat(request.port()).isEqualTo(8443);
    }

    @Test
    void readsAnIpv6HostInBrackets() {
        ReactiveCorsRequest request = new ReactiveCorsRequest(MockServerHttpRequest.get("http://[::1]/").build());
        assertThat(request.host()).isEqualTo("[::1]");
        assertThat(request.port()).isEqualTo(-1);
    }
}
