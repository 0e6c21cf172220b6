package io.corsboot.benchmarks.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One controller and the starter, nothing else: Spring MVC on Tomcat by default, WebFlux on Netty with
 * {@code spring.main.web-application-type=reactive}; Spring's own CORS filter in place of the starter with the
 * {@code stock-cors} profile, no CORS with {@code cors.enabled=false}, the {@code cors.requests} counters with the
 * {@code micrometer} profile.
 */
@SpringBootApplication
public class CostApplication {

    public static void main(String[] args) {
        SpringApplication.run(CostApplication.class, args);
    }
}
