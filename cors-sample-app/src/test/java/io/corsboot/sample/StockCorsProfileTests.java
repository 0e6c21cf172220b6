package io.corsboot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.server.WebFilter;

import io.corsboot.reactive.CorsReactiveWebFilter;
import io.corsboot.servlet.CorsServletFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code stock-cors} profile: Spring's own CORS filter applies the {@code cors.*} policies, not the starter. */
class StockCorsProfileTests {

    @ParameterizedTest
    @EnumSource(SampleStack.class)
    void springsOwnFilterAppliesTheSamePoliciesInsteadOfTheStarter(SampleStack stack) throws Exception {
        List<String> profiles = new ArrayList<>(List.of("stock-cors"));
        if (stack == SampleStack.WEBFLUX) {
            profiles.add(0, "webflux");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
            .profiles(profiles.toArray(String[]::new))
            .run("--server.port=0", "--sample.playground.port=0")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/greeting"))
                .header("Origin", "https://anywhere.example")
                .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(filterClasses(context, stack)).contains(
                    ((stack == SampleStack.MVC) ? CorsFilter.class : CorsWebFilter.class).getName())
                .doesNotContain(CorsServletFilter.class.getName(), CorsReactiveWebFilter.class.getName());
        }
    }

    private static List<String> filterClasses(ConfigurableApplicationContext context, SampleStack stack) {
        if (stack == SampleStack.MVC) {
            return context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .map((registration) -> registration.getFilter().getClass().getName())
                .toList();
        }
        return context.getBeansOfType(WebFilter.class).values().stream()
            .map((filter) -> filter.getClass().getName())
            .toList();
    }
}
