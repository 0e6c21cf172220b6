package io.corsboot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.ClassUtils;

/**
 * Stops an application whose Spring Boot is not the line a jar of this starter is built for, before any
 * auto-configuration is read: those of the other line name classes this one does not have, and would fail with a
 * {@link NoClassDefFoundError} or be skipped without a word.
 * <p>
 * Each line's jar describes itself in {@value #DESCRIPTOR}; reading every copy on the class path, rather than a class
 * that the first jar would shadow, also catches both lines' starters in one application. The guard and its failure
 * analyzer link against both Spring Boot lines, since the other line's jar may be the one they are loaded from.
 */
final class SpringBootLineGuard implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    static final String DESCRIPTOR = "META-INF/io.corsboot/spring-boot-line.properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        List<SpringBootLine> jars = describedJars(context);
        for (SpringBootLine jar : jars) {
            if (!ClassUtils.isPresent(jar.marker(), context.getClassLoader())) {
                boolean otherPresent = jars.stream().anyMatch((other) -> other.starter().equals(jar.otherStarter()));
                throw new WrongSpringBootLineException(jar, SpringBootVersion.getVersion(), otherPresent);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static List<SpringBootLine> describedJars(ConfigurableApplicationContext context) {
        try {
            List<SpringBootLine> jars = new ArrayList<>();
            for (Resource descriptor : context.getResources("classpath*:" + DESCRIPTOR)) {
                jars.add(SpringBootLine.of(PropertiesLoaderUtils.loadProperties(descriptor)));
            }
            return jars;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + DESCRIPTOR, ex);
        }
    }

    /**
     * What a jar of this starter says about the Spring Boot line it is built for.
     *
     * @param starter the starter of that line, as groupId:artifactId
     * @param version the version of the starter
     * @param springBoot the Spring Boot line, as users name it
     * @param marker a class in Spring Boot's own jar that only that line has
     * @param otherStarter the starter of the other line, as groupId:artifactId
     * @param otherSpringBoot the other Spring Boot line
     */
    record SpringBootLine(String starter, String version, String springBoot, String marker, String otherStarter,
            String otherSpringBoot) {

        static SpringBootLine of(Properties descriptor) {
            return new SpringBootLine(required(descriptor, "starter"), required(descriptor, "version"),
                    required(descriptor, "spring-boot"), required(descriptor, "marker"),
                    required(descriptor, "other-starter"), required(descriptor, "other-spring-boot"));
        }

        private static String required(Properties descriptor, String key) {
            @Nullable String value = descriptor.getProperty(key);
            if (value == null) {
                throw new IllegalStateException(DESCRIPTOR + " has no '" + key + "'");
            }
            return value;
        }
    }
}
