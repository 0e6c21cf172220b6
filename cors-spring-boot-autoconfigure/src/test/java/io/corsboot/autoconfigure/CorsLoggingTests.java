package io.corsboot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.corsboot.web.CorsDecider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter logs: one line per policy at startup, one per rejected request at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsLoggingTests {

    private static final String DECIDER = CorsDecider.class.getName();

    private static final String STARTUP = CorsAutoConfiguration.class.getName();

    private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsServletAutoConfiguration.class))
        .withPropertyValues("cors.policies.api.paths=/api/**,/v2/api/**",
                "cors.policies.api.allowed-origins=https://app.example.com",
                "cors.policies.api.allowed-origin-patterns=https://*.example.com",
                "cors.policies.api.allowed-methods=GET,PUT", "cors.policies.api.allow-credentials=true",
                "cors.policies.public.paths=/public/**", "cors.policies.public.allowed-origins=*");

    @AfterEach
    void resetLevels() {
        this.loggingSystem.setLogLevel(DECIDER, null);
        this.loggingSystem.setLogLevel(STARTUP, null);
    }

    @Test
    void logsOneInfoLinePerPolicyAtStartup(CapturedOutput output) {
        this.loggingSystem.setLogLevel(STARTUP, LogLevel.INFO);
        this.contextRunner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(messages(output, "CORS policy '", LogLevel.INFO)).containsExactly(
                    "CORS policy 'api' covers [/api/**, /v2/api/**]: origins [https://app.example.com], "
                            + "origin patterns [https://*.example.com], credentials allowed",
                    "CORS policy 'public' covers [/public/**]: origins [*], origin patterns [], "
                            + "credentials not allowed");
        });
    }

    @Test
    void namesTheFirstTenOriginsOfALongListAndCountsTheRest(CapturedOutput output) {
        this.loggingSystem.setLogLevel(STARTUP, LogLevel.INFO);
        List<String> origins = IntStream.rangeClosed(1, 1_234).mapToObj((i) -> "https://app" + i + ".example.com")
            .toList();
        this.contextRunner.withPropertyValues("cors.policies.api.allowed-origins=" + String.join(",", origins))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(messages(output, "CORS policy 'api'", LogLevel.INFO)).containsExactly(
                        "CORS policy 'api' covers [/api/**, /v2/api/**]: origins [" + String.join(", ",
                                origins.subList(0, 10)) + ", and 1,224 more], origin patterns "
                                + "[https://*.example.com], credentials allowed");
            });
    }

    @Test
    void logsEachRejectionAtDebugWithPolicyOriginMethodAndReason(CapturedOutput output) {
        this.loggingSystem.setLogLevel(DECIDER, LogLevel.DEBUG);
        this.contextRunner.run((context) -> {
            perform(context, "OPTIONS", "/api/orders",
                    Map.of("Origin", "https://evil.example.net", "Access-Control-Request-Method", "PUT"));
            perform(context, "DELETE", "/api/orders/7", Map.of("Origin", "https://app.example.com"));
            perform(context, "GET", "/api/orders", Map.of("Origin", "https://app.example.com"));
            assertThat(messages(output, "Rejected CORS", LogLevel.DEBUG)).containsExactly(
                    "Rejected CORS preflight request: policy 'api', origin \"https://evil.example.net\", "
                            + "method \"PUT\", reason ORIGIN_NOT_ALLOWED",
                    "Rejected CORS actual request: policy 'api', origin \"https://app.example.com\", "
                            + "method \"DELETE\", reason METHOD_NOT_ALLOWED");
        });
    }

    @Test
    void keepsAForgedOriginOnOneLine(CapturedOutput output) {
        this.loggingSystem.setLogLevel(DECIDER, LogLevel.DEBUG);
        this.contextRunner.run((context) -> perform(context, "GET", "/api/orders",
                Map.of("Origin", "https://evil.example.net\nINFO Login succeeded")));
        assertThat(messages(output, "Rejected CORS", LogLevel.DEBUG)).singleElement()
            .asString()
            .contains("origin \"https://evil.example.net?INFO Login succeeded\"");
    }

    @Test
    void logsNoRejectionAtInfo(CapturedOutput output) {
        this.loggingSystem.setLogLevel(DECIDER, LogLevel.INFO);
        this.contextRunner.run((context) -> assertThat(perform(context, "OPTIONS", "/api/orders",
                Map.of("Origin", "https://evil.example.net", "Access-Control-Request-Method", "PUT")).getStatus())
            .as("a rejected preflight")
            .isEqualTo(403));
        assertThat(output.getAll()).doesNotContain("Rejected CORS");
    }

    /**
     * The messages of the log lines that contain a text, without the logging pattern's prefix, whose prefix is
     * checked to name the level.
     */
    private static List<String> messages(CapturedOutput output, String text, LogLevel level) {
        List<String> lines = output.getAll().lines().filter((line) -> line.contains(text)).toList();
        assertThat(lines)
            .allSatisfy((line) -> assertThat(line.substring(0, line.indexOf(text))).contains(level.name()));
        return lines.stream().map((line) -> line.substring(line.indexOf(text))).toList();
    }

    private static MockHttpServletResponse perform(AssertableWebApplicationContext context, String method,
            String path, Map<String, String> headers) throws Exception {
        Filter filter = context.getBean(FilterRegistrationBean.class).getFilter();
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        headers.forEach(request::addHeader);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
