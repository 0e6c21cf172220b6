package io.corsboot.reload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;

import io.corsboot.core.OriginSupplier;
import io.corsboot.metrics.PoliciesGauge;
import io.corsboot.testing.BootLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/**
 * An origin supplier that fails or hangs at startup, on a real server: the application starts anyway, shows the
 * policy's supplied origins as pending, and puts them in force as soon as the supplier answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnansweredOriginSupplierTests {

    private static final String TENANT = "https://tenant.example.com";

    // Generous bounds for a loaded machine; the retries come at most 1, 2, then 4 seconds apart.
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    // Longer than the wait for the next retry after two or three failed readings.
    private static final Duration RETRY_WINDOW = Duration.ofSeconds(5);

    private final UnreliableOrigins supplier = new UnreliableOrigins();

    private @Nullable ConfigurableApplicationContext context;

    private @Nullable WebTestClient client;

    @AfterEach
    void close() {
        this.supplier.release();
        if (this.context != null) {
            this.context.close();
        }
    }

    @Test
    void aSupplierThatFailsAtStartupIsReadAgainUntilItAnswersWithoutAnySignal() throws Exception {
        this.supplier.failing(true);
        start();
        assertThat(status(TENANT)).isEqualTo(403);
        await().atMost(PATIENCE).until(() -> this.supplier.readings() >= 3);
        this.supplier.failing(false);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(TENANT)).isEqualTo(200));
    }

    @Test
    void whileASupplierFailsTheListingShowsItsOriginsAsPendingWithTheLastError() {
        this.supplier.failing(true);
        start();
        await().atMost(PATIENCE).until(() -> this.supplier.readings() >= 2);
        listing().jsonPath("$.policies[0].name").isEqualTo("tenants")
            .jsonPath("$.policies[0].suppliedOrigins").isEqualTo(0)
            .jsonPath("$.policies[0].pendingSuppliers.length()").isEqualTo(1)
            .jsonPath("$.policies[0].pendingSuppliers[0].supplier").isEqualTo("tenants")
            .jsonPath("$.policies[0].pendingSuppliers[0].state").isEqualTo("FAILED")
            .jsonPath("$.policies[0].pendingSuppliers[0].error")
            .isEqualTo("java.lang.IllegalStateException: database unavailable")
            .jsonPath("$.policies[0].pendingSuppliers[0].failedReadings").value(greaterThanOrEqualTo(1))
            .jsonPath("$.policies[0].pendingSuppliers[0].since")
            .value(matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"));
        this.supplier.failing(false);
        await().atMost(PATIENCE)
            .untilAsserted(() -> listing().jsonPath("$.policies[0].pendingSuppliers.length()").isEqualTo(0)
                .jsonPath("$.policies[0].suppliedOrigins").isEqualTo(1));
    }

    @Test
    void whileASupplierFailsTheGaugeStateIsPending() {
        this.supplier.failing(true);
        start();
        assertThat(gaugeState()).isEqualTo("pending");
        this.supplier.failing(false);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(gaugeState()).isEqualTo("applied"));
    }

    @Test
    void whileASupplierFailsTheInfoNamesIt() {
        this.supplier.failing(true);
        start();
        info().jsonPath("$.cors.pendingSuppliers").isEqualTo(List.of("tenants"));
        this.supplier.failing(false);
        await().atMost(PATIENCE)
            .untilAsserted(() -> info().jsonPath("$.cors.pendingSuppliers").isEqualTo(List.of()));
    }

    @Test
    void aFailureIsLoggedOnceAndTheRecoveryOnce(CapturedOutput output) {
        this.supplier.failing(true);
        start();
        await().atMost(PATIENCE).until(() -> this.supplier.readings() >= 3);
        this.supplier.failing(false);
        await().atMost(PATIENCE).until(() -> output.getOut().contains("which answered again after"));
        assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN ")
                && line.contains("Could not read the origins that tenants supplies for CORS policy 'tenants'; the "
                        + "policy goes without them until it answers. Reading them again in")))
            .hasSize(1);
        assertThat(output.getOut().lines()
            .filter((line) -> line.contains(" INFO ") && line.contains("CORS policy 'tenants': 1 origins supplied by "
                    + "tenants, which answered again after ")))
            .hasSize(1);
    }

    @Test
    void aSignalledChangeSupersedesThePendingRetries() throws Exception {
        this.supplier.failing(true);
        start();
        // After two failed readings, the next retry comes at most 2 seconds after the last, or 4 after a third.
        await().atMost(PATIENCE).until(() -> this.supplier.readings() >= 2);
        this.supplier.failing(false);
        this.supplier.signalChange();
        int readings = this.supplier.readings();
        await().during(RETRY_WINDOW).atMost(PATIENCE).until(() -> this.supplier.readings() == readings);
        assertThat(status(TENANT)).isEqualTo(200);
        listing().jsonPath("$.policies[0].pendingSuppliers.length()").isEqualTo(0);
    }

    @Test
    void aSupplierThatHangsHoldsStartupOnlyForTheStartupTimeout(CapturedOutput output) throws Exception {
        this.supplier.hang();
        start("--cors.suppliers.startup-timeout=1s");
        assertThat(this.supplier.answered()).isZero();
        assertThat(status(TENANT)).isEqualTo(403);
        assertThat(output).contains("tenants has not supplied the origins of CORS policy 'tenants' within 1s "
                + "(cors.suppliers.startup-timeout), so the application starts without them");
        listing().jsonPath("$.policies[0].pendingSuppliers[0].supplier").isEqualTo("tenants")
            .jsonPath("$.policies[0].pendingSuppliers[0].state").isEqualTo("READING")
            .jsonPath("$.policies[0].pendingSuppliers[0].error").value(nullValue())
            .jsonPath("$.policies[0].pendingSuppliers[0].failedReadings").isEqualTo(0);
        assertThat(gaugeState()).isEqualTo("pending");
    }

    @Test
    void theOriginsOfAReadingThatHungApplyWhenItAnswers(CapturedOutput output) {
        this.supplier.hang();
        start("--cors.suppliers.startup-timeout=0");
        this.supplier.release();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(TENANT)).isEqualTo(200));
        listing().jsonPath("$.policies[0].pendingSuppliers.length()").isEqualTo(0);
        assertThat(gaugeState()).isEqualTo("applied");
        assertThat(output).contains("CORS policy 'tenants': 1 origins supplied by tenants, whose first reading "
                + "answered after the application started without them.");
        assertThat(this.supplier.readings()).isEqualTo(1);
    }

    @Test
    void closingTheApplicationInterruptsAReadingThatHangs() throws Exception {
        this.supplier.hang();
        start("--cors.suppliers.startup-timeout=0");
        await().atMost(PATIENCE).until(() -> this.supplier.readings() == 1);
        ConfigurableApplicationContext started = this.context;
        CompletableFuture.runAsync(started::close).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(PATIENCE).until(this.supplier::interrupted);
    }

    @Test
    void closingTheApplicationStopsTheRetries() {
        this.supplier.failing(true);
        start();
        await().atMost(PATIENCE).until(() -> this.supplier.readings() >= 2);
        this.context.close();
        int readings = this.supplier.readings();
        await().during(RETRY_WINDOW).atMost(PATIENCE).until(() -> this.supplier.readings() == readings);
    }

    private void start(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--cors.policies.tenants.paths=/tenants/**", "--management.endpoints.web.exposure.include=cors,info"));
        args.addAll(List.of(arguments));
        this.context = new SpringApplicationBuilder(ReloadTestApplication.class)
            .initializers((context) -> context.getBeanFactory().registerSingleton("tenants", this.supplier))
            .run(args.toArray(String[]::new));
        this.client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + BootLine.webServer(this.context).getPort())
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    private int status(String origin) throws Exception {
        return ReloadTestApplication
            .send(BootLine.webServer(this.context).getPort(), "GET", "/tenants/1", "Origin", origin)
            .statusCode();
    }

    private BodyContentSpec listing() {
        return this.client.get().uri("/actuator/cors").exchange().expectStatus().isOk().expectBody();
    }

    private BodyContentSpec info() {
        return this.client.get().uri("/actuator/info").exchange().expectStatus().isOk().expectBody();
    }

    private String gaugeState() {
        return this.context.getBean(MeterRegistry.class).get(PoliciesGauge.NAME).gauge().getId().getTag("state");
    }

    /**
     * The origins of the tenants policy, from a source that a test makes fail or hang; counts its readings.
     */
    static final class UnreliableOrigins implements OriginSupplier {

        private final AtomicInteger readings = new AtomicInteger();

        private final AtomicInteger answered = new AtomicInteger();

        private volatile boolean failing;

        private volatile CountDownLatch gate = new CountDownLatch(0);

        private volatile boolean interrupted;

        private volatile @Nullable ChangeSignal signal;

        @Override
        public String policy() {
            return "tenants";
        }

        @Override
        public Collection<String> origins() {
            this.readings.incrementAndGet();
            try {
                this.gate.await();
            }
            catch (InterruptedException ex) {
                this.interrupted = true;
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            }
            if (this.failing) {
                throw new IllegalStateException("database unavailable");
            }
            this.answered.incrementAndGet();
            return List.of(TENANT);
        }

        @Override
        public void onChange(ChangeSignal signal) {
            this.signal = signal;
        }

        void signalChange() {
            this.signal.originsChanged();
        }

        void failing(boolean failing) {
            this.failing = failing;
        }

        /** Makes the next readings wait until {@link #release()}, as a query on a connection that hangs would. */
        void hang() {
            this.gate = new CountDownLatch(1);
        }

        void release() {
            this.gate.countDown();
        }

        int readings() {
            return this.readings.get();
        }

        int answered() {
            return this.answered.get();
        }

        boolean interrupted() {
            return this.interrupted;
        }
    }
}
