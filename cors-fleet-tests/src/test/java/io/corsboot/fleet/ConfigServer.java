package io.corsboot.fleet;

import java.nio.file.Path;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.config.server.EnableConfigServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A Spring Cloud Config Server on a random loopback port, serving a {@link ConfigRepository}. */
final class ConfigServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ConfigServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a server of {@code repository}, which it clones into {@code workDirectory}. */
    static ConfigServer start(ConfigRepository repository, Path workDirectory) {
        return new ConfigServer(new SpringApplicationBuilder(ConfigServerApplication.class)
            .main(ConfigServerApplication.class)
            .web(WebApplicationType.SERVLET)
            .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                    "spring.application.name=configserver",
                    "spring.cloud.config.server.git.uri=" + repository.location(),
                    "spring.cloud.config.server.git.basedir=" + workDirectory,
                    "spring.cloud.config.server.git.default-label=" + ConfigRepository.BRANCH,
                    "spring.cloud.config.server.git.clone-on-start=true",
                    // The fleet's class path has the bus too; the server stays off it.
                    "spring.cloud.bus.enabled=false")
            .run());
    }

    String uri() {
        return "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        this.context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableConfigServer
    static class ConfigServerApplication {

    }
}
