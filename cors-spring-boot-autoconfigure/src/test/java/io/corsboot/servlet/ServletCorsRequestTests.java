package io.corsboot.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ServletCorsRequestTests {

    @Test
    void joinsTheLinesOfEveryRepeatedHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/orders");
        request.addHeader("Access-Control-Request-Method", "PUT");
        request.addHeader("Access-Control-Request-Method", "DELETE");
        request.addHeader("Sec-Fetch-Mode", "cors");
        request.addHeader("Sec-Fetch-Mode", "navigate");
        ServletCorsRequest corsRequest = new ServletCorsRequest(request);
        assertThat(corsRequest.header("Access-Control-Request-Method")).isEqualTo("PUT, DELETE");
        assertThat(corsRequest.header("Sec-Fetch-Mode")).isEqualTo("cors, navigate");
    }

    @Test
    void joinsTheLinesOfARepeatedOrigin() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
        request.addHeader("Origin", "https://app.example.com");
        request.addHeader("Origin", "https://evil.example");
        assertThat(new ServletCorsRequest(request).header("Origin"))
            .isEqualTo("https://app.example.com, https://evil.example");
    }

    @Test
    void readsAnAbsentHeaderAsNull() {
        assertThat(new ServletCorsRequest(new MockHttpServletRequest("GET", "/")).header("Origin")).isNull();
    }
}
