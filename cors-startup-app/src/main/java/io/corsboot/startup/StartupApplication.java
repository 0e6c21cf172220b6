package io.corsboot.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One controller, Actuator and the starter with two policies: Spring MVC on Tomcat or WebFlux on Reactor Netty,
 * whichever the class path holds. With the system property {@code startup.exit=true} it stops as soon as it has
 * started, so that a script measuring many starts waits for the process rather than watching its log.
 */
@SpringBootApplication
public class StartupApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(StartupApplication.class);
        // Added to the application rather than declared as a bean, so that it changes nothing the measures count.
        application.addListeners(new StartupMeasures());
        ConfigurableApplicationContext context = application.run(args);
        if (Boolean.getBoolean("startup.exit")) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
