package io.corsboot.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import io.corsboot.testing.BootLine;
import io.corsboot.testing.StarterLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An application on the other Spring Boot line, or with both lines' starters, stops before any auto-configuration
 * and is told which starter to use.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootLineGuardTests {

    private static final StarterLine OWN = BootLine.STARTER;

    private static final StarterLine OTHER = BootLine.OTHER_STARTER;

    private static final Predicate<String> MARKER = OWN.marker()::equals;

    @Test
    void letsAnApplicationOnItsOwnLineStart() throws IOException {
        assertThat(new ClassPathResource(SpringBootLineGuard.DESCRIPTOR).exists()).isTrue();
        assertThatNoException()
            .isThrownBy(() -> new SpringBootLineGuard().initialize(context(getClass().getClassLoader())));
    }

    @Test
    void namesTheStarterOfTheApplicationsLine() throws IOException {
        WrongSpringBootLineException failure = guardFailure(new FilteredClassLoader(MARKER));
        FailureAnalysis analysis = new WrongSpringBootLineFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).startsWith(OWN.starter() + ":" + version() + " is built for Spring Boot ")
            .contains(", but this application runs on ");
        assertThat(analysis.getAction()).isEqualTo("Replace the dependency on " + OWN.starter() + " with "
                + OTHER.starter() + ":" + version() + ", the starter for Spring Boot "
                + OTHER.springBoot() + ". Both read the same cors.* configuration.");
    }

    @Test
    void namesTheStarterToRemoveWhenBothLinesAreOnTheClassPath(@TempDir Path otherJar) throws IOException {
        Path descriptor = otherJar.resolve(SpringBootLineGuard.DESCRIPTOR);
        Files.createDirectories(descriptor.getParent());
        Files.writeString(descriptor, """
                starter=%s
                version=%s
                spring-boot=%s
                marker=%s
                other-starter=%s
                other-spring-boot=%s
                """.formatted(OTHER.starter(), version(), OTHER.springBoot(), OTHER.marker(), OWN.starter(),
                OWN.springBoot()));
        try (URLClassLoader bothLines = new URLClassLoader(new URL[] { otherJar.toUri().toURL() },
                getClass().getClassLoader())) {
            FailureAnalysis analysis = new WrongSpringBootLineFailureAnalyzer().analyze(guardFailure(bothLines));
            assertThat(analysis.getDescription())
                .startsWith(OTHER.starter() + ":" + version() + " is built for Spring Boot " + OTHER.springBoot());
            assertThat(analysis.getAction()).isEqualTo("Remove the dependency on " + OTHER.starter()
                    + ". The application also has " + OWN.starter() + ":" + version()
                    + ", the starter for Spring Boot " + OWN.springBoot() + ", which is the one to keep.");
        }
    }

    @Test
    void stopsTheApplicationWithAFailureAnalysis(CapturedOutput output) {
        SpringApplication application = new SpringApplication(
                new DefaultResourceLoader(new FilteredClassLoader(MARKER)), Application.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        WrongSpringBootLineException failure = catchThrowableOfType(WrongSpringBootLineException.class,
                application::run);
        assertThat(failure).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START", "Replace the dependency on " + OWN.starter()
                + " with " + OTHER.starter() + ":");
    }

    private static WrongSpringBootLineException guardFailure(ClassLoader classLoader) {
        WrongSpringBootLineException failure = catchThrowableOfType(WrongSpringBootLineException.class,
                () -> new SpringBootLineGuard().initialize(context(classLoader)));
        assertThat(failure).as("the guard's failure").isNotNull();
        return failure;
    }

    private static GenericApplicationContext context(ClassLoader classLoader) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setClassLoader(classLoader);
        return context;
    }

    private static String version() throws IOException {
        String version = PropertiesLoaderUtils.loadProperties(new ClassPathResource(SpringBootLineGuard.DESCRIPTOR))
            .getProperty("version");
        assertThat(version).as("the version Maven filled in").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        return version;
    }

    @Configuration(proxyBeanMethods = false)
    static class Application {

    }
}
