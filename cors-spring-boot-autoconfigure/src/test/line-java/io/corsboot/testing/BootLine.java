package io.corsboot.testing;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * What the tests need that Spring Boot 4 keeps in places of its own, or does its own way: the auto-configurations they
 * add or leave out, the choice of a server, Spring's own CORS processing, JSON and the runtime hint predicates. Each
 * Boot line's test sources have their own; the tests shared by both lines name these instead.
 */
public final class BootLine {

    /** Spring Security's servlet auto-configurations, as an application with Spring Security has them. */
    public static final AutoConfigurations SERVLET_SECURITY = AutoConfigurations.of(SecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class);

    /** Spring Security's reactive auto-configurations, as an application with Spring Security has them. */
    public static final AutoConfigurations REACTIVE_SECURITY = AutoConfigurations.of(SecurityAutoConfiguration.class,
            ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class);

    /** Micrometer's meter registry, as an application with Actuator and Micrometer has it. */
    public static final AutoConfigurations METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class);

    /** Every auto-configuration of Spring Security's, left out of applications that run without it. */
    public static final List<String> SECURITY_AUTO_CONFIGURATIONS = Stream
        .of(EnableAutoConfigurationWithoutSecurity.class.getAnnotation(EnableAutoConfiguration.class).excludeName())
        .filter((name) -> name.contains(".security."))
        .toList();

    /**
     * What Spring's own CORS processing writes to {@code Vary} on a path where no CORS configuration applies, before
     * the handler runs: Spring Framework 7 writes nothing where nothing is configured.
     */
    public static final List<String> SPRING_VARY_WITHOUT_CONFIGURATION = List.of();

    /**
     * The status of Spring's own answer to a preflight on a path where no CORS configuration applies: Spring Framework
     * 6.2 refuses it, 7 lets the handler mapping answer it.
     */
    public static final int SPRING_PREFLIGHT_WITHOUT_CONFIGURATION = 200;

    /** The starter of this Spring Boot line. */
    public static final StarterLine STARTER = new StarterLine("io.corsboot:cors-spring-boot-starter", "4",
            "org.springframework.boot.bootstrap.BootstrapRegistry");

    /** The starter of the other Spring Boot line. */
    public static final StarterLine OTHER_STARTER = new StarterLine("io.corsboot:cors-spring-boot3-starter", "3.5",
            "org.springframework.boot.BootstrapRegistry");

    /** The auto-configuration that secures Actuator's endpoints in reactive applications. */
    public static final String REACTIVE_MANAGEMENT_SECURITY = "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration";

    // Jackson 3, which Spring Boot 4 brings
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, List<String>> SERVER_AUTO_CONFIGURATIONS = Map.of("TOMCAT", List.of(
            "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
            "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
            "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatServletManagementContextAutoConfiguration",
            "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration",
            "org.springframework.boot.tomcat.autoconfigure.metrics.TomcatMetricsAutoConfiguration"),
            "JETTY", List.of(
            "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration",
            "org.springframework.boot.jetty.autoconfigure.reactive.JettyReactiveWebServerAutoConfiguration",
            "org.springframework.boot.jetty.autoconfigure.actuate.web.server.JettyServletManagementContextAutoConfiguration",
            "org.springframework.boot.jetty.autoconfigure.actuate.web.server.JettyReactiveManagementContextAutoConfiguration",
            "org.springframework.boot.jetty.autoconfigure.metrics.JettyMetricsAutoConfiguration"),
            "NETTY", List.of(
            "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration",
            "org.springframework.boot.reactor.netty.autoconfigure.actuate.web.server.NettyReactiveManagementContextAutoConfiguration"));

    private BootLine() {
    }

    /** The web server of a running application. */
    public static WebServer webServer(ApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer();
    }

    /** A JSON object, as maps, lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> jsonObject(String json) {
        return JSON.readValue(json, Map.class);
    }

    /** Whether hints let a native image invoke a method, found by its name. */
    public static Predicate<RuntimeHints> invokesMethod(Class<?> type, String name) {
        return RuntimeHintsPredicates.reflection().onMethodInvocation(type, name);
    }

    /** Whether hints let a native image invoke a constructor. */
    public static Predicate<RuntimeHints> invokesConstructor(Constructor<?> constructor) {
        return RuntimeHintsPredicates.reflection().onConstructorInvocation(constructor);
    }

    /** Whether hints let a native image read and write a field. */
    public static Predicate<RuntimeHints> accessesField(Class<?> type, String name) {
        return RuntimeHintsPredicates.reflection().onFieldAccess(type, name);
    }

    /**
     * What makes an application run on the named server ({@code TOMCAT}, {@code JETTY} or {@code NETTY}) when others
     * are on the class path: on Spring Boot 4, every other server's auto-configurations left out, as their order
     * would otherwise choose.
     */
    public static ServerChoice server(String name, boolean reactive) {
        List<String> others = SERVER_AUTO_CONFIGURATIONS.entrySet()
            .stream()
            .filter((server) -> !server.getKey().equals(name))
            .flatMap((server) -> server.getValue().stream())
            .toList();
        return new ServerChoice(List.of(), others);
    }
}
