package io.corsboot.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VaryTests {

    @Test
    void aReplacementThatDroppedOurTokensComesAfterThem() {
        assertThat(Vary.merge(List.of("Origin"), List.of("Accept-Encoding"))).containsExactly("Origin",
                "Accept-Encoding");
    }

    @Test
    void linesThatKeptOurTokensKeepTheirOrder() {
        assertThat(Vary.merge(List.of("Origin"), List.of("Accept-Encoding", "Origin"))).containsExactly(
                "Accept-Encoding", "Origin");
    }

    @Test
    void mergedLinesHoldOneTokenEachAndNoneTwice() {
        assertThat(Vary.merge(List.of("Origin", "Access-Control-Request-Method"),
                List.of("origin, Accept-Encoding", "accept-encoding"))).containsExactly("Origin",
                        "Access-Control-Request-Method", "Accept-Encoding");
    }
}
