package io.corsboot.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a CORS configuration cannot work or is dangerous; carries every error found, not only the first.
 *
 * @since 0.1.0
 */
public class CorsConfigurationException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public CorsConfigurationException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The errors, in the order they were found. */
    public List<ConfigProblem> getProblems() {
        return this.problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return "The CORS configuration has " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
                + problems.stream().map((p) -> p.property() + ": " + p.problem()).collect(Collectors.joining(" "));
    }
}
