package io.corsboot.testing;

/**
 * A starter and the Spring Boot line it is built for.
 *
 * @param starter the starter, as groupId:artifactId
 * @param springBoot the Spring Boot line, as users name it
 * @param marker a class in Spring Boot's own jar that only this line has
 */
public record StarterLine(String starter, String springBoot, String marker) {
}
