package io.corsboot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.jetty.JettyReactiveWebServerFactory;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatReactiveWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the tests need that Spring Boot 3.5 keeps in places of its own, or does its own way: the auto-configurations
 * they add or leave out, the choice of a server, Spring's own CORS processing, JSON and the runtime hint predicates.
 * Each Boot line's test sources have their own; the tests shared by both lines name these instead.
 */
public final class BootLine {

    /** Spring Security's servlet auto-configurations, as an application with Spring Security has them. */
    public static final AutoConfigurations SERVLET_SECURITY = AutoConfigurations.of(SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class);

    /** Spring Security's reactive auto-configurations, as an application with Spring Security has them. */
    public static final AutoConfigurations REACTIVE_SECURITY = AutoConfigurations.of(
            ReactiveSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class);

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
     * the handler runs: Spring Framework 6.2 writes these three tokens wherever its handler mapping processes CORS,
     * configured or not.
     */
    public static final List<String> SPRING_VARY_WITHOUT_CONFIGURATION = List.of("Origin",
            "Access-Control-Request-Method", "Access-Control-Request-Headers");

    /**
     * The status of Spring's own answer to a preflight on a path where no CORS configuration applies: Spring Framework
     * 6.2 refuses it, 7 lets the handler mapping answer it.
     */
    public static final int SPRING_PREFLIGHT_WITHOUT_CONFIGURATION = 403;

    /** The starter of this Spring Boot line. */
    public static final StarterLine STARTER = new StarterLine("io.corsboot:cors-spring-boot3-starter", "3.5",
            "org.springframework.boot.BootstrapRegistry");

    /** The starter of the other Spring Boot line. */
    public static final StarterLine OTHER_STARTER = new StarterLine("io.corsboot:cors-spring-boot-starter", "4",
            "org.springframework.boot.bootstrap.BootstrapRegistry");

    /** The auto-configuration that secures Actuator's endpoints in reactive applications. */
    public static final String REACTIVE_MANAGEMENT_SECURITY = "org.springframework.boot.actuate.autoconfigure.security.reactive.ReactiveManagementWebSecurityAutoConfiguration";

    // Jackson 2, which Spring Boot 3 brings
    private static final ObjectMapper JSON = new ObjectMapper();

    private BootLine() {
    }

    /** The web server of a running application. */
    public static WebServer webServer(ApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer();
    }

    /** A JSON object, as maps, lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> jsonObject(String json) {
        try {
            return JSON.readValue(json, Map.class);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Whether hints let a native image invoke a method, found by its name. */
    public static Predicate<RuntimeHints> invokesMethod(Class<?> type, String name) {
        return RuntimeHintsPredicates.reflection().onMethod(type, name).invoke();
    }

    /** Whether hints let a native image invoke a constructor. */
    public static Predicate<RuntimeHints> invokesConstructor(Constructor<?> constructor) {
        return RuntimeHintsPredicates.reflection().onConstructor(constructor).invoke();
    }

    /** Whether hints let a native image read and write a field. */
    public static Predicate<RuntimeHints> accessesField(Class<?> type, String name) {
        return RuntimeHintsPredicates.reflection().onField(type, name);
    }

    /**
     * What makes an application run on the named server ({@code TOMCAT}, {@code JETTY} or {@code NETTY}) when others
     * are on the class path: on Spring Boot 3, the server's own factory, before which Boot's back off.
     */
    public static ServerChoice server(String name, boolean reactive) {
        Class<?> factory = switch (name) {
            case "TOMCAT" -> reactive ? TomcatReactive.class : TomcatServlet.class;
            case "JETTY" -> reactive ? JettyReactive.class : JettyServlet.class;
            case "NETTY" -> NettyReactive.class;
            default -> throw new IllegalArgumentException(name);
        };
        return new ServerChoice(List.of(factory), List.of());
    }

    @Configuration(proxyBeanMethods = false)
    static class TomcatServlet {

        @Bean
        TomcatServletWebServerFactory tomcatServletWebServerFactory() {
            return new TomcatServletWebServerFactory();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TomcatReactive {

        @Bean
        TomcatReactiveWebServerFactory tomcatReactiveWebServerFactory() {
            return new TomcatReactiveWebServerFactory();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class JettyServlet {

        @Bean
        JettyServletWebServerFactory jettyServletWebServerFactory() {
            return new JettyServletWebServerFactory();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class JettyReactive {

        @Bean
        JettyReactiveWebServerFactory jettyReactiveWebServerFactory() {
            return new JettyReactiveWebServerFactory();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NettyReactive {

        @Bean
        NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
            return new NettyReactiveWebServerFactory();
        }
    }
}
