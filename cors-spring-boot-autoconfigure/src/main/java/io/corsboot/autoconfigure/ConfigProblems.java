package io.corsboot.autoconfigure;

import java.util.List;

import io.corsboot.core.ConfigProblem;

/** The report of configuration errors, laid out as the startup failure report lays it out. */
final class ConfigProblems {

    private ConfigProblems() {
    }

    static String describe(List<ConfigProblem> problems) {
        StringBuilder report = new StringBuilder("The CORS configuration has ").append(problems.size())
            .append((problems.size() == 1) ? " problem." : " problems.").append(System.lineSeparator());
        for (ConfigProblem problem : problems) {
            report.append(System.lineSeparator()).append("  Property: ").append(problem.property());
            if (problem.value() != null) {
                report.append(System.lineSeparator()).append("  Value:    \"").append(problem.value()).append('"');
            }
            report.append(System.lineSeparator()).append("  Problem:  ").append(problem.problem());
            report.append(System.lineSeparator()).append("  Fix:      ").append(problem.fix());
            report.append(System.lineSeparator());
        }
        return report.toString();
    }
}
