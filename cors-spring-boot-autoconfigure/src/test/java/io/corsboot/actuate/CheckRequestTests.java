package io.corsboot.actuate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.corsboot.actuate.CorsEndpoint.CheckParameters;

import static org.assertj.core.api.Assertions.assertThat;

/** The request a browser would send for a check's parameters (Fetch, "CORS-preflight fetch"). */
class CheckRequestTests {

    private static final ArrivalOrigin ARRIVAL = new ArrivalOrigin("http", "localhost", 8080);

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "text/plain;charset=UTF-8", "Text/Plain ; charset=utf-8",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" })
    void safelistedContentTypesNeedNoPreflight(String contentType) {
        assertThat(CheckRequest.isSafelistedContentType(contentType)).isTrue();
        assertThat(request("POST", null, contentType, null).method()).isEqualTo("POST");
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "text/plain; charset=\"utf-8\"", "text/html", "text/plain(" })
    void otherContentTypesAreNotSafelisted(String contentType) {
        assertThat(CheckRequest.isSafelistedContentType(contentType)).isFalse();
    }

    @Test
    void aContentTypeLongerThan128CharactersIsNotSafelisted() {
        assertThat(CheckRequest.isSafelistedContentType("text/plain;" + "a".repeat(118))).isFalse();
        assertThat(CheckRequest.isSafelistedContentType("text/plain;" + "a".repeat(117))).isTrue();
    }

    @Test
    void aPreflightNamesTheHeadersInLowerCaseSortedOnce() {
        CheckRequest request = request("PUT", "X-Trace, content-type,,x-trace", "application/json", null);
        assertThat(request.method()).isEqualTo("OPTIONS");
        assertThat(request.header("Access-Control-Request-Method")).isEqualTo("PUT");
        assertThat(request.header("Access-Control-Request-Headers")).isEqualTo("content-type,x-trace");
        assertThat(request.contentTypeRequested()).isTrue();
    }

    @Test
    void methodsAreNormalisedAsBrowsersDo() {
        assertThat(request("put", null, null, null).requestedMethod()).isEqualTo("PUT");
        assertThat(request("patch", null, null, null).requestedMethod()).isEqualTo("patch");
    }

    @Test
    void aSafelistedMethodWithoutHeadersIsSentWithoutPreflight() {
        CheckRequest request = request("get", null, null, null);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("Access-Control-Request-Method")).isNull();
    }

    @Test
    void aPrivateNetworkRequestIsPreflighted() {
        CheckRequest request = request("GET", null, null, "true");
        assertThat(request.method()).isEqualTo("OPTIONS");
        assertThat(request.header("Access-Control-Request-Private-Network")).isEqualTo("true");
    }

    @Test
    void aSameOriginRequestIsNeverPreflighted() {
        CheckRequest request = CheckRequest.of(
                new CheckParameters("/api", "http://localhost:8080", "DELETE", "x-trace", null, "true", null),
                ARRIVAL);
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.header("Access-Control-Request-Method")).isNull();
    }

    private static CheckRequest request(String method, String headers, String contentType, String privateNetwork) {
        return CheckRequest.of(new CheckParameters("/api", "https://app.example.com", method, headers, contentType,
                privateNetwork, null), ARRIVAL);
    }
}
