package io.corsboot.web;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


import io.corsboot.core.Decision;
import io.corsboot.core.HeaderWriter;
import io.corsboot.core.RecordedHeaders;
import io.corsboot.testing.CorsCase.Scope;
import io.corsboot.testing.CorsCase;
import io.corsboot.testing.CorsCases;
import io.corsboot.testing.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared cases, decided by the compiled snapshot alone: no server, no handler. */
class PolicySnapshotCasesTests {

    private static final CorsDecider decider = CorsDecider.silent(new PolicySnapshotHolder(CorsCases.snapshot()));

    static Stream<CorsCase> decidableCases() {
        return CorsCases.all().filter((c) -> c.scope() == Scope.ALL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decidableCases")
    void decidesAsTheCaseSays(CorsCase c) {
        TestRequest request = new TestRequest(c.request().method(), c.request().headers());
        DecidedRequest decided = decider.decide(c.request().path(), null, request, DecidedRequest::of);
        Decision decision = (decided != null) ? decided.decision() : Decision.UNCOVERED;
        RecordedHeaders headers = new RecordedHeaders();
        HeaderWriter.write(decision, request, headers);

        assertThat(!decision.answersWithoutHandler()).as("handler called").isEqualTo(c.expected().handlerCalled());
        if (decision.answersWithoutHandler()) {
            assertThat(decision.status()).as("status").isEqualTo(c.expected().status());
        }
        assertThat(headers.asMap()).containsAllEntriesOf(c.expected().headers());
        assertThat(headers.asMap()).doesNotContainKeys(c.expected().absent().toArray(String[]::new));
    }
}
