package io.corsboot.core;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The edit distance behind "did you mean" in startup reports and the endpoint's one-character hints. */
class ClosestNameTests {

    @Property
    void aStringIsNoEditFromItself(@ForAll String value) {
        assertThat(ClosestName.distance(value, value)).isZero();
    }

    @Property
    void oneInsertionDeletionOrSubstitutionIsOneEdit(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String value,
            @ForAll @IntRange(max = 19) int position) {
        int at = position % value.length();
        String inserted = value.substring(0, at) + '-' + value.substring(at);
        String deleted = value.substring(0, at) + value.substring(at + 1);
        assertThat(ClosestName.distance(value, inserted)).isOne();
        assertThat(ClosestName.distance(inserted, value)).isOne();
        assertThat(ClosestName.distance(value, deleted)).isOne();
        String substituted = value.substring(0, at) + '-' + value.substring(at + 1);
        assertThat(ClosestName.distance(value, substituted)).isOne();
    }

    @Test
    void countsEveryEdit() {
        assertThat(ClosestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestName.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void namesTheClosestKnownNameOfAPlausibleTypo() {
        List<String> known = List.of("allowed-origins", "allowed-origin-patterns", "allowed-methods");
        assertThat(ClosestName.closest("allowed-origin", known)).isEqualTo("allowed-origins");
        assertThat(ClosestName.closest("alowed-methods", known)).isEqualTo("allowed-methods");
        assertThat(ClosestName.closest("max-age", known)).isNull();
    }
}
