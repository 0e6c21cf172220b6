package io.corsboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import io.corsboot.autoconfigure.SpringBootLineGuard.SpringBootLine;

/**
 * Thrown at startup when a jar of this starter is built for another Spring Boot line than the application's.
 */
final class WrongSpringBootLineException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient SpringBootLine jar;

    private final boolean otherPresent;

    /**
     * @param jar what the jar built for the other line says of itself
     * @param runningVersion the application's Spring Boot version, when its jar says it
     * @param otherPresent whether the starter of the application's line is on the class path too
     */
    WrongSpringBootLineException(SpringBootLine jar, @Nullable String runningVersion, boolean otherPresent) {
        super(jar.starter() + ":" + jar.version() + " is built for Spring Boot " + jar.springBoot()
                + ", but this application runs on "
                + ((runningVersion != null) ? "Spring Boot " + runningVersion : "another Spring Boot line") + ".");
        this.jar = jar;
        this.otherPresent = otherPresent;
    }

    /** What to change: use the starter of the application's line instead, or keep only that one. */
    String action() {
        String instead = this.jar.otherStarter() + ":" + this.jar.version();
        if (this.otherPresent) {
            return String.format("Remove the dependency on %s. The application also has %s, the starter for "
                    + "Spring Boot %s, which is the one to keep.", this.jar.starter(), instead,
                    this.jar.otherSpringBoot());
        }
        return String.format("Replace the dependency on %s with %s, the starter for Spring Boot %s. Both read the "
                + "same cors.* configuration.", this.jar.starter(), instead, this.jar.otherSpringBoot());
    }
}
