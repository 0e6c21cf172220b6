package io.corsboot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One {@code cors.policies} gauge per registry, whatever the changes. */
class PoliciesGaugeTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final PoliciesGauge gauge = new PoliciesGauge(this.registry);

    @Test
    void showsTheCountTaggedWithFingerprintAndState() {
        this.gauge.show("f1", 3, false, false);
        assertThat(this.registry.find(PoliciesGauge.NAME).gauges())
            .extracting((shown) -> shown.getId().getTag("fingerprint"), (shown) -> shown.getId().getTag("state"),
                    Gauge::value)
            .containsExactly(tuple("f1", "applied", 3.0));
    }

    @Test
    void replacesTheGaugeWhenTheFingerprintChanges() {
        this.gauge.show("f1", 3, false, false);
        this.gauge.show("f2", 2, false, false);
        assertThat(this.registry.find(PoliciesGauge.NAME).gauges())
            .extracting((shown) -> shown.getId().getTag("fingerprint"), Gauge::value)
            .containsExactly(tuple("f2", 2.0));
    }

    @Test
    void replacesTheGaugeWhenTheStateChanges() {
        this.gauge.show("f1", 3, false, false);
        this.gauge.show("f1", 3, true, false);
        assertThat(this.registry.find(PoliciesGauge.NAME).gauges())
            .extracting((shown) -> shown.getId().getTag("state"))
            .containsExactly("refused");
        this.gauge.show("f1", 3, false, false);
        assertThat(this.registry.find(PoliciesGauge.NAME).gauges())
            .extracting((shown) -> shown.getId().getTag("state"))
            .containsExactly("applied");
    }

    @Test
    void showsPendingWhileTheOriginsOfASupplierArePending() {
        this.gauge.show("f1", 3, false, true);
        assertThat(this.registry.find(PoliciesGauge.NAME).gauges())
            .extracting((shown) -> shown.getId().getTag("state"))
            .containsExactly("pending");
        this.gauge.show("f1", 3, false, false);
        assertThat(this.registry.find(PoliciesGauge.NAME).gauges())
            .extracting((shown) -> shown.getId().getTag("state"))
            .containsExactly("applied");
    }

    @Test
    void showsRefusedWhenAChangeIsRefusedWhileOriginsArePending() {
        this.gauge.show("f1", 3, true, true);
        assertThat(this.registry.find(PoliciesGauge.NAME).gauges())
            .extracting((shown) -> shown.getId().getTag("state"))
            .containsExactly("refused");
    }

    @Test
    void keepsTheGaugeWhenNothingItShowsChanges() {
        this.gauge.show("f1", 3, false, false);
        Gauge first = this.registry.get(PoliciesGauge.NAME).gauge();
        this.gauge.show("f1", 3, false, false);
        assertThat(this.registry.get(PoliciesGauge.NAME).gauge()).isSameAs(first);
    }

    @Test
    void showsNothingOnceClosed() {
        this.gauge.show("f1", 3, false, false);
        this.gauge.close();
        this.gauge.show("f2", 2, false, false);
        assertThat(this.registry.find(PoliciesGauge.NAME).gauges()).isEmpty();
    }
}
