package io.corsboot.sample;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringApplicationAotProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample processed ahead of time, as {@code spring-boot:process-aot} processes it (Spring Boot's AOT processor,
 * then the compiler for the sources it generates), and started in its own JVM with {@code -Dspring.aot.enabled=true}:
 * it answers, lists, checks, supplies origins, counts a candidate's disagreements and reports a bad configuration as
 * it does without AOT.
 */
class AotSampleIT {

    private static final Pattern STARTED_ON_PORT = Pattern.compile("(Tomcat|Netty) started on ports? (\\d+)");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : this.processes) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SampleStack.class)
    void behavesAsWithoutAot(SampleStack stack) throws Exception {
        Path aot = process(stack);
        SampleClient api = new SampleClient("http://127.0.0.1:" + start(stack, aot));
        assertThat(Files.readString(aot.resolve("application.log"))).contains("Starting AOT-processed");

        HttpResponse<String> allowed = api.send(api.get("/api/orders/1", "https://partner.example.com"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://partner.example.com");
        assertThat(api.send(api.get("/api/orders/1", "https://evil.example.net")).statusCode()).isEqualTo(403);

        String listing = api.send(api.request("/actuator/cors").GET()).body();
        assertThat(JsonPath.<List<String>>read(listing, "$.policies[*].name")).contains("partner-api", "tenant-api");
        String check = api
            .send(api.request("/actuator/cors/check?path=/api/orders/1&origin=https://evil.example.net").GET())
            .body();
        assertThat(JsonPath.<Boolean>read(check, "$.allowed")).isFalse();
        assertThat(JsonPath.<String>read(check, "$.reason")).isEqualTo("ORIGIN_NOT_ALLOWED");

        HttpResponse<String> supplied = api.send(api.get("/tenant-api/settings/acme", "https://acme.example.com"));
        assertThat(supplied.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://acme.example.com");
        assertThat(SampleClient.suppliedOrigins(listing)).containsExactly(2);

        assertThat(api.tenantPutPreflight().statusCode()).isEqualTo(200);
        assertThat(api.candidateMethodDisagreements()).containsExactly(1.0);

        Path failure = aot.resolve("failure.log");
        Process failed = launch(stack, aot, failure, "--cors.policies.broken.allowed-origins=https://x.example.com");
        assertThat(failed.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(failed.exitValue()).isNotZero();
        assertThat(Files.readString(failure)).contains("APPLICATION FAILED TO START", "cors.policies.broken.paths");
    }

    /** Processes the sample for the stack into its own directory, and compiles what the processor generated. */
    private static Path process(SampleStack stack) throws IOException, InterruptedException {
        Path out = Path.of("target", "aot-" + stack.name().toLowerCase()).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(java(), "-cp", classpath()));
        command.addAll(profileArguments(stack, "-D"));
        command.addAll(List.of(SpringApplicationAotProcessor.class.getName(), SampleApplication.class.getName(),
                out.resolve("sources").toString(), out.resolve("resources").toString(),
                out.resolve("classes").toString(), "io.corsboot", "cors-sample-app"));
        Files.createDirectories(out);
        Process processor = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(out.resolve("process-aot.log").toFile())
            .start();
        assertThat(processor.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(processor.exitValue()).as("AOT processing, see %s", out.resolve("process-aot.log")).isZero();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d",
                out.resolve("classes").toString(), "-cp", classpath()));
        try (Stream<Path> sources = Files.walk(out.resolve("sources"))) {
            sources.filter((path) -> path.toString().endsWith(".java"))
                .forEach((path) -> arguments.add(path.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).isZero();
        return out;
    }

    private int start(SampleStack stack, Path aot) throws IOException, InterruptedException {
        Path log = aot.resolve("application.log");
        Process application = launch(stack, aot, log);
        for (int i = 0; i < 600; i++) {
            Matcher started = STARTED_ON_PORT.matcher(Files.readString(log));
            if (started.find()) {
                return Integer.parseInt(started.group(2));
            }
            assertThat(application.isAlive()).as("the sample is running, see %s", log).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("The sample did not start, see " + log);
    }

    private Process launch(SampleStack stack, Path aot, Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Dspring.aot.enabled=true", "-cp",
                aot.resolve("classes") + File.pathSeparator + aot.resolve("resources") + File.pathSeparator
                        + classpath(),
                SampleApplication.class.getName(), "--server.address=127.0.0.1", "--server.port=0",
                "--sample.playground.port=0"));
        command.addAll(profileArguments(stack, "--"));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        this.processes.add(process);
        return process;
    }

    private static List<String> profileArguments(SampleStack stack, String prefix) {
        return (stack == SampleStack.WEBFLUX) ? List.of(prefix + "spring.profiles.active=webflux") : List.of();
    }

    /** The sample's run-time class path: the test's, without the test classes and their configuration. */
    private static String classpath() {
        String testClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(testClasspath.split(File.pathSeparator))
            .filter((entry) -> !entry.endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
