package io.corsboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a {@link WrongSpringBootLineException}: which starter is built for another Spring Boot line, and the one
 * to use instead.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class WrongSpringBootLineFailureAnalyzer extends AbstractFailureAnalyzer<WrongSpringBootLineException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WrongSpringBootLineException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
