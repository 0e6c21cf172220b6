package io.corsboot.sample;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The two ways the sample runs, started as the commands of docs/sample.md start them, but on free ports. */
public enum SampleStack {

    /** The default: Spring MVC on Tomcat. */
    MVC(),

    /** The {@code webflux} profile: WebFlux on Reactor Netty. */
    WEBFLUX("webflux");

    private final String[] profiles;

    SampleStack(String... profiles) {
        this.profiles = profiles;
    }

    /** Starts the sample with the API and the playground on free ports. */
    public ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SampleApplication.class).profiles(this.profiles)
            .run("--server.port=0", "--sample.playground.port=0");
    }
}
