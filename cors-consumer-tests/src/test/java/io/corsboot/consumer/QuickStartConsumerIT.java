package io.corsboot.consumer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project outside this build, written as the README's quick start says, built by Maven against the installed
 * starter, started on a random port and sent requests, once for every Spring Boot line the starter ships for; and
 * the starter of each line in an application of the other, which must not start.
 */
class QuickStartConsumerIT {

    private static final Pattern STARTED_ON_PORT = Pattern.compile("started on port (\\d+)");

    private static final Pattern OUR_ARTIFACT = Pattern
        .compile("<groupId>io\\.corsboot</groupId>\\s*<artifactId>([^<]+)</artifactId>");

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private @Nullable Process application;

    /** A Spring Boot line, its web starter, and the starter of ours that a user of that line adds. */
    record BootLine(String springBootVersion, String webStarter, String starterArtifactId,
            String autoconfigureArtifactId) {

        @Override
        public String toString() {
            return "Spring Boot " + this.springBootVersion;
        }
    }

    private static final BootLine BOOT_4 = new BootLine(SpringBootVersion.getVersion(), "spring-boot-starter-webmvc",
            "cors-spring-boot-starter", "cors-spring-boot-autoconfigure");

    private static final BootLine BOOT_4_0 = new BootLine(System.getProperty("consumer.springBoot40Version"),
            "spring-boot-starter-webmvc", "cors-spring-boot-starter", "cors-spring-boot-autoconfigure");

    private static final BootLine BOOT_3 = new BootLine(System.getProperty("consumer.springBoot3Version"),
            "spring-boot-starter-web", "cors-spring-boot3-starter", "cors-spring-boot3-autoconfigure");

    /** A fresh application of a Spring Boot line, with the dependency on one of our starters that the README shows. */
    record Consumer(BootLine application, BootLine starter) {

        String artifactId() {
            return "boot-" + this.application.springBootVersion() + "-with-" + this.starter.starterArtifactId();
        }

        Path project() {
            return Path.of(System.getProperty("consumer.workDirectory"), artifactId());
        }

        @Override
        public String toString() {
            return this.starter.starterArtifactId() + " in a " + this.application + " application";
        }
    }

    static Stream<BootLine> bootLines() {
        return Stream.of(BOOT_4, BOOT_4_0, BOOT_3);
    }

    static Stream<Consumer> wrongLines() {
        return Stream.of(new Consumer(BOOT_3, BOOT_4), new Consumer(BOOT_4, BOOT_3));
    }

    /**
     * Every consumer project, built by one Maven run: a Maven start per project would cost more than all the
     * projects' builds.
     */
    @BeforeAll
    static void buildConsumers() throws IOException, InterruptedException {
        QuickStart quickStart = QuickStart.read(Path.of(System.getProperty("consumer.readme")));
        Path consumers = Path.of(System.getProperty("consumer.workDirectory"));
        List<Consumer> all = Stream.concat(bootLines().map((line) -> new Consumer(line, line)), wrongLines()).toList();
        StringBuilder modules = new StringBuilder();
        for (Consumer consumer : all) {
            writeProject(consumer, quickStart);
            modules.append("        <module>").append(consumer.artifactId()).append("</module>\n");
        }
        Files.writeString(consumers.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>com.example</groupId>
                    <artifactId>consumers</artifactId>
                    <version>1.0</version>
                    <packaging>pom</packaging>
                    <modules>
                %s    </modules>
                </project>
                """.formatted(modules));
        build(consumers);
    }

    @AfterEach
    void stopApplication() throws InterruptedException {
        if (this.application != null) {
            this.application.destroy();
            if (!this.application.waitFor(30, TimeUnit.SECONDS)) {
                this.application.destroyForcibly();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bootLines")
    void theQuickStartWorksInAFreshProject(BootLine line) throws Exception {
        int port = start(new Consumer(line, line));

        HttpResponse<String> allowed = get(port, "/api/greeting", "https://app.example.com");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(allowed.body()).isEqualTo("hello");

        HttpResponse<String> foreign = get(port, "/api/greeting", "https://evil.example.org");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> endpoint = get(port, "/actuator/cors", null);
        assertThat(endpoint.statusCode()).isEqualTo(200);
        assertThat(endpoint.body()).contains("\"partner-api\"", "\"https://app.example.com\"", "\"public\"");
    }

    @ParameterizedTest
    @MethodSource("wrongLines")
    void theStarterOfTheOtherLineStopsTheApplicationAndNamesTheOneToUse(Consumer consumer) throws Exception {
        BootLine application = consumer.application();
        BootLine starter = consumer.starter();
        Process started = launch(consumer);
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (started.isAlive() && System.nanoTime() < deadline) {
            assertThat(Files.readString(log(consumer))).as("the consumer must not start")
                .doesNotContainPattern(STARTED_ON_PORT);
            Thread.sleep(200);
        }
        assertThat(started.isAlive()).as("the consumer stops: %s", log(consumer)).isFalse();
        String output = Files.readString(log(consumer));
        assertThat(started.exitValue()).as(output).isNotZero();
        String version = System.getProperty("consumer.starterVersion");
        assertThat(output).contains("APPLICATION FAILED TO START",
                "io.corsboot:" + starter.starterArtifactId() + ":" + version + " is built for Spring Boot ",
                "but this application runs on Spring Boot " + application.springBootVersion(),
                "Replace the dependency on io.corsboot:" + starter.starterArtifactId() + " with io.corsboot:"
                        + application.starterArtifactId() + ":" + version)
            .doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    }

    /**
     * What the user's build inherits: the starter's POM and those of ours it names stand alone, with no parent, no
     * property, no dependency management and no build settings, and nothing left to interpolate.
     */
    @ParameterizedTest
    @MethodSource("bootLines")
    void thePublishedPomsCarryNothingOfTheBuild(BootLine line) throws IOException {
        List<String> pending = new ArrayList<>(List.of(line.starterArtifactId()));
        Set<String> read = new HashSet<>();
        while (!pending.isEmpty()) {
            String artifactId = pending.remove(0);
            if (!read.add(artifactId)) {
                continue;
            }
            String pom = installedPom(artifactId);
            assertThat(pom).as(artifactId)
                .doesNotContain("<parent>", "<properties>", "<dependencyManagement>", "<build>", "<repositories>",
                        "${")
                .contains("<name>", "<description>", "<url>", "<licenses>", "<developers>", "<scm");
            Matcher ours = OUR_ARTIFACT.matcher(pom);
            while (ours.find()) {
                pending.add(ours.group(1));
            }
        }
        assertThat(read).contains(line.autoconfigureArtifactId(), "cors-core");
    }

    private static String installedPom(String artifactId) throws IOException {
        Path directory = Path.of(System.getProperty("consumer.repository"), "io", "corsboot", artifactId);
        try (Stream<Path> poms = Files.walk(directory)) {
            Path pom = poms.filter((path) -> path.toString().endsWith(".pom")).findFirst().orElseThrow();
            return Files.readString(pom);
        }
    }

    private static void writeProject(Consumer consumer, QuickStart quickStart) throws IOException {
        Path project = consumer.project();
        Path sources = project.resolve("src/main/java/com/example/consumer");
        Path resources = project.resolve("src/main/resources");
        Files.createDirectories(sources);
        Files.createDirectories(resources);
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <parent>
                        <groupId>org.springframework.boot</groupId>
                        <artifactId>spring-boot-starter-parent</artifactId>
                        <version>%s</version>
                        <relativePath/>
                    </parent>
                    <groupId>com.example</groupId>
                    <artifactId>%s</artifactId>
                    <version>1.0</version>
                    <dependencies>
                        <dependency>
                            <groupId>org.springframework.boot</groupId>
                            <artifactId>%s</artifactId>
                        </dependency>
                        <dependency>
                            <groupId>org.springframework.boot</groupId>
                            <artifactId>spring-boot-starter-actuator</artifactId>
                        </dependency>
                %s
                    </dependencies>
                    <build>
                        <plugins>
                            <plugin>
                                <groupId>org.springframework.boot</groupId>
                                <artifactId>spring-boot-maven-plugin</artifactId>
                            </plugin>
                        </plugins>
                    </build>
                </project>
                """.formatted(consumer.application().springBootVersion(), consumer.artifactId(),
                consumer.application().webStarter(), quickStart.dependencyOn(consumer.starter().starterArtifactId())));
        Files.writeString(resources.resolve("application.yml"),
                quickStart.policies() + "\n" + quickStart.endpointExposure());
        Files.writeString(sources.resolve("ConsumerApplication.java"), """
                package com.example.consumer;

                import org.springframework.boot.SpringApplication;
                import org.springframework.boot.autoconfigure.SpringBootApplication;
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.RestController;

                @SpringBootApplication
                @RestController
                public class ConsumerApplication {

                    public static void main(String[] args) {
                        SpringApplication.run(ConsumerApplication.class, args);
                    }

                    @GetMapping("/api/greeting")
                    String greeting() {
                        return "hello";
                    }
                }
                """);
    }

    /**
     * Maven, as a user runs it: the installed starters come first, the machine's local repository supplies what it
     * has, and Maven Central the rest. On a fresh machine that is the Spring Boot parents and the plugins they name,
     * which this build itself never uses.
     */
    private static void build(Path projects) throws IOException, InterruptedException {
        Path log = projects.resolve("build.log");
        Process maven = new ProcessBuilder(Path.of(System.getProperty("consumer.mavenHome"), "bin", "mvn").toString(),
                "--batch-mode", "--no-transfer-progress",
                "-Dmaven.repo.local=" + System.getProperty("consumer.repository"),
                "-Dmaven.repo.local.tail=" + System.getProperty("consumer.repositoryTail"), "package")
            .directory(projects.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        maven.getOutputStream().close();
        assertThat(maven.waitFor(10, TimeUnit.MINUTES)).as("the consumer's build finishes").isTrue();
        assertThat(maven.exitValue()).as("the consumer's build succeeds: %s", log).isZero();
    }

    private int start(Consumer consumer) throws IOException, InterruptedException {
        Process started = launch(consumer);
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher port = STARTED_ON_PORT.matcher(Files.readString(log(consumer)));
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
            assertThat(started.isAlive()).as("the consumer is running: %s", log(consumer)).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("The consumer did not start within " + STARTUP_LIMIT + ": " + log(consumer));
    }

    private Process launch(Consumer consumer) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process started = new ProcessBuilder(List.of(java.toString(), "-jar",
                "target/" + consumer.artifactId() + "-1.0.jar", "--server.port=0"))
            .directory(consumer.project().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log(consumer).toFile())
            .start();
        this.application = started;
        return started;
    }

    private static Path log(Consumer consumer) {
        return consumer.project().resolve("application.log");
    }

    private HttpResponse<String> get(int port, String path, @Nullable String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
