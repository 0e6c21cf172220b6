package io.corsboot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.corsboot.testing.BootLine;
import io.corsboot.testing.CorsCase;
import io.corsboot.testing.CorsCases;
import io.corsboot.testing.ServerChoice;

/**
 * An application on a real server and a random port, sent real requests with the JDK's HTTP client. Its handler
 * answers every method on every path as {@link io.corsboot.testing.CaseHandler} says. {@value #ANNOTATED_PATH} is
 * also handled by a method with {@code @CrossOrigin}, and {@link #GLOBAL_CORS_PATHS}
 * have a global CORS mapping; both allow {@link CorsCases#SPRING_CORS_ORIGIN} alone. On Spring MVC,
 * {@value #ASYNC_PATH} answers the same on an async dispatch. With Spring Security,
 * {@code /secure/**} requires HTTP Basic authentication, {@code /secure/admin/**} a role the user lacks, and Spring
 * Security's own CORS support is on for those paths.
 */
final class TestServer implements AutoCloseable {

    static final String ANNOTATED_PATH = "/api/annotated";

    static final String ASYNC_PATH = "/api/async";

    /** Paths under a global CORS mapping, the first covered by a policy, the second by none. */
    static final List<String> GLOBAL_CORS_PATHS = List.of("/api/global", "/elsewhere/global");

    static final String USER = "user";

    static final String PASSWORD = "password";


    private static final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final Stack stack;

    private final ConfigurableApplicationContext context;

    private final int port;

    private TestServer(Stack stack, ConfigurableApplicationContext context) {
        this.stack = stack;
        this.context = context;
        this.port = BootLine.webServer(context).getPort();
    }

    /** Starts an application of a stack, with or without Spring Security, and properties as "key=value" lines. */
    static TestServer start(Stack stack, String... properties) {
        return start(stack, stack.sources(), List.of(), properties);
    }

    /** Starts the application of a stack with more configuration classes, and properties as "key=value" lines. */
    static TestServer start(Stack stack, List<Class<?>> configurations, String... properties) {
        List<Class<?>> sources = new ArrayList<>(List.of(stack.sources()));
        sources.addAll(configurations);
        return start(stack, sources.toArray(new Class<?>[0]), List.of(), properties);
    }

    /**
     * Starts the application of a stack with Spring Security, {@code security} in place of the stack's own security
     * configuration, more configuration classes, and properties as "key=value" lines.
     */
    static TestServer startSecuredBy(Class<?> security, Stack stack, List<Class<?>> configurations,
            String... properties) {
        if (!stack.secured) {
            throw new IllegalArgumentException(stack + " runs without Spring Security");
        }
        List<Class<?>> sources = new ArrayList<>(List.of(stack.application(), security));
        sources.addAll(configurations);
        return start(stack, sources.toArray(new Class<?>[0]), List.of(), properties);
    }

    /**
     * Starts the application of a stack with Spring Security, {@code security} in place of the stack's own security
     * configuration, the auto-configurations named in {@code excluded} left out, and properties as "key=value" lines.
     */
    static TestServer start(Stack stack, Class<?> security, List<String> excluded, String... properties) {
        if (!stack.secured) {
            throw new IllegalArgumentException(stack + " runs without Spring Security");
        }
        return start(stack, new Class<?>[] { stack.application(), security }, excluded, properties);
    }

    private static TestServer start(Stack stack, Class<?>[] sources, List<String> excluded, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off"));
        List<String> exclusions = new ArrayList<>(excluded);
        if (!stack.secured) {
            exclusions.add(String.join(",", BootLine.SECURITY_AUTO_CONFIGURATIONS));
        }
        ServerChoice server = BootLine.server(stack.server.name(), stack.reactive());
        exclusions.addAll(server.excludedAutoConfigurations());
        all.add("spring.autoconfigure.exclude=" + String.join(",", exclusions));
        all.addAll(List.of(properties));
        List<Class<?>> allSources = new ArrayList<>(List.of(sources));
        allSources.addAll(server.sources());
        ConfigurableApplicationContext context = new SpringApplicationBuilder(allSources.toArray(new Class<?>[0]))
            .web(stack.type)
            .properties(all.toArray(new String[0]))
            .run();
        return new TestServer(stack, context);
    }

    Stack stack() {
        return this.stack;
    }

    int port() {
        return this.port;
    }

    /** The simple name of the class of the server the application runs on. */
    String webServer() {
        return BootLine.webServer(this.context).getClass().getSimpleName();
    }

    /** A bean of the application. */
    <T> T bean(Class<T> type) {
        return this.context.getBean(type);
    }

    /** The names of the application's beans of a type. */
    List<String> beanNames(Class<?> type) {
        return List.of(this.context.getBeanNamesForType(type));
    }

    /** The server's own origin. */
    String origin() {
        return "http://localhost:" + this.port;
    }

    /** Sends a request; {@value CorsCase#SELF} in a header value stands for the server's own origin. */
    Exchange send(String method, String path, Map<String, String> headers) {
        return send(method, path, headers, List.of(), "");
    }

    /**
     * Sends a request with a body, headers sent on several lines as {@code repeated} name-value pairs, and
     * {@value CorsCase#SELF} in a header value standing for the server's own origin.
     */
    Exchange send(String method, String path, Map<String, String> headers, List<Map.Entry<String, String>> repeated,
            String body) {
        String id = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
            .header(HandlerCalls.HEADER, id);
        headers.forEach((name, value) -> request.header(name, value.replace(CorsCase.SELF, origin())));
        repeated.forEach((line) -> request.header(line.getKey(), line.getValue()));
        try {
            HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
            return new Exchange(response, this.context.getBean(HandlerCalls.class).called(id),
                    this.context.getBean(Decisions.class).count(id));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        this.context.close();
    }

    @Override
    public String toString() {
        return this.stack.toString();
    }

    /**
     * A response.
     * @param response the response
     * @param handlerCalled whether the request reached the application's handler
     * @param decisions how many times a policy decided the request
     */
    record Exchange(HttpResponse<String> response, boolean handlerCalled, int decisions) {

        int status() {
            return this.response.statusCode();
        }

        /** Every line of a response header. */
        List<String> lines(String name) {
            return this.response.headers().allValues(name);
        }

        /** The tokens of a comma-separated header, all lines joined, in order. */
        List<String> tokens(String name) {
            return lines(name).stream()
                .flatMap((line) -> Arrays.stream(line.split(",")))
                .map(String::strip)
                .filter((token) -> !token.isEmpty())
                .toList();
        }
    }

    /**
     * The servers on the test class path. Each Spring Boot line has its own way of choosing one of several:
     * {@link BootLine#server}.
     */
    enum Server {

        TOMCAT, JETTY, NETTY
    }

    /** The stacks, servers and security settings every end-to-end case runs against. */
    enum Stack {

        MVC("Spring MVC on Tomcat", WebApplicationType.SERVLET, Server.TOMCAT, false),

        MVC_SECURED("Spring MVC on Tomcat with Spring Security", WebApplicationType.SERVLET, Server.TOMCAT, true),

        MVC_JETTY("Spring MVC on Jetty", WebApplicationType.SERVLET, Server.JETTY, false),

        MVC_JETTY_SECURED("Spring MVC on Jetty with Spring Security", WebApplicationType.SERVLET, Server.JETTY, true),

        WEBFLUX("WebFlux on Netty", WebApplicationType.REACTIVE, Server.NETTY, false),

        WEBFLUX_SECURED("WebFlux on Netty with Spring Security", WebApplicationType.REACTIVE, Server.NETTY, true),

        WEBFLUX_JETTY("WebFlux on Jetty", WebApplicationType.REACTIVE, Server.JETTY, false),

        WEBFLUX_JETTY_SECURED("WebFlux on Jetty with Spring Security", WebApplicationType.REACTIVE, Server.JETTY,
                true),

        WEBFLUX_TOMCAT("WebFlux on Tomcat", WebApplicationType.REACTIVE, Server.TOMCAT, false),

        WEBFLUX_TOMCAT_SECURED("WebFlux on Tomcat with Spring Security", WebApplicationType.REACTIVE, Server.TOMCAT,
                true);

        /** One stack per server, without Spring Security. */
        static final List<Stack> UNSECURED = Stream.of(values()).filter((stack) -> !stack.secured).toList();

        private final String description;

        private final WebApplicationType type;

        private final Server server;

        private final boolean secured;

        Stack(String description, WebApplicationType type, Server server, boolean secured) {
            this.description = description;
            this.type = type;
            this.server = server;
            this.secured = secured;
        }
        Server server() {
            return this.server;
        }

        boolean secured() {
            return this.secured;
        }

        boolean reactive() {
            return this.type == WebApplicationType.REACTIVE;
        }

        private Class<?> application() {
            return reactive() ? WebFluxTestApplication.class : MvcTestApplication.class;
        }

        private Class<?>[] sources() {
            Class<?> security = reactive() ? WebFluxTestSecurity.class : MvcTestSecurity.class;
            return this.secured ? new Class<?>[] { application(), security } : new Class<?>[] { application() };
        }

        @Override
        public String toString() {
            return this.description;
        }
    }
}
