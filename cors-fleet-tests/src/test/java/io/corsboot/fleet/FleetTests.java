package io.corsboot.fleet;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.corsboot.fleet.FleetInstance.CorsState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances, two on Spring MVC and one on WebFlux, configured by a config server from a Git repository and
 * joined by Spring Cloud Bus over an in-process Kafka broker. Each test commits a change, sends
 * {@code POST /actuator/busrefresh} to one instance and watches every instance over HTTP: its CORS answers, the
 * fingerprint of the endpoint, of the info endpoint and of the {@code cors.policies} gauge. The tests tell one
 * story in order, each starting from the configuration the previous one left.
 */
@TestMethodOrder(OrderAnnotation.class)
class FleetTests {

    private static final String POLICY = "fleet-api";

    private static final String APP = "https://app.example.com";

    private static final String PARTNER = "https://partner.example.com";

    private static final String SHOP = "https://shop.example.com";

    /** How long a change may take to reach every instance. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** At most this many requests under load, over at most {@link #LOAD_LIMIT}. */
    private static final int MAX_REQUESTS = 50_000;

    private static final Duration LOAD_LIMIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static final Deque<AutoCloseable> started = new ArrayDeque<>();

    private static EmbeddedKafkaKraftBroker broker;

    private static ConfigRepository repository;

    private static ConfigServer configServer;

    private static List<FleetInstance> fleet;

    @BeforeAll
    static void startTheFleet() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, "springCloudBus");
        broker.afterPropertiesSet();
        started.push(broker::destroy);
        repository = ConfigRepository.create(temp.resolve("repository"));
        started.push(repository);
        repository.commit("A policy for the fleet's API", fleetYaml("""
                allowed-origins: ["%s"]
                allowed-methods: [GET, POST]
                max-age: 10m
                """.formatted(APP)));
        configServer = ConfigServer.start(repository, temp.resolve("config-server"));
        started.push(configServer);
        fleet = List.of(startInstance("mvc-1", WebApplicationType.SERVLET),
                startInstance("webflux-1", WebApplicationType.REACTIVE),
                startInstance("mvc-2", WebApplicationType.SERVLET));
        awaitBusListeners();
    }

    // In the reverse order of starting; one that fails to stop leaves the others to stop.
    @AfterAll
    static void stopTheFleet() throws Exception {
        Exception failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            }
            catch (Exception ex) {
                if (failure == null) {
                    failure = ex;
                }
                else {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Test
    @Order(1)
    void oneCommitAndOneBusrefreshChangeEveryInstance() {
        String before = agreedFingerprint();
        assertThat(fleet).noneMatch((instance) -> instance.allows(PARTNER));
        repository.commit("Allow the partner's site", fleetYaml("""
                allowed-origins: ["%s", "%s"]
                allowed-methods: [GET, POST]
                max-age: 10m
                """.formatted(APP, PARTNER)));
        refreshAndAwait("busrefresh", fleet.get(0), (instance) -> instance.allows(PARTNER)
                && isAppliedWithNewFingerprint(instance.corsState(), before));
        assertThat(fleet).allMatch((instance) -> instance.allows(APP));
        assertThat(agreedFingerprint()).isNotEqualTo(before);
    }

    @Test
    @Order(2)
    void aRefusedCommitKeepsThePolicyInForceEverywhereUntilTheNextGoodOne() {
        String before = agreedFingerprint();
        repository.commit("Allow the partner's app (with a mistake)", fleetYaml("""
                allowed-origins: ["%s", "%s", "%s/app"]
                allowed-methods: [GET, POST]
                max-age: 10m
                """.formatted(APP, PARTNER, PARTNER)));
        refreshAndAwait("a refused change", fleet.get(1), (instance) -> {
            CorsState state = instance.corsState();
            return state.refusedEverywhere() && before.equals(state.agreedFingerprint());
        });
        assertThat(fleet).allMatch((instance) -> instance.allows(PARTNER));
        System.out.println("Refused on every instance: " + fleet.get(0).corsState().refused());

        repository.commit("Allow the shop", fleetYaml("""
                allowed-origins: ["%s", "%s", "%s"]
                allowed-methods: [GET, POST]
                max-age: 10m
                """.formatted(APP, PARTNER, SHOP)));
        refreshAndAwait("the next good change", fleet.get(1), (instance) -> instance.allows(SHOP)
                && isAppliedWithNewFingerprint(instance.corsState(), before));
    }

    @Test
    @Order(3)
    void underLoadEveryAnswerIsTheOldPolicysOrTheNewOnes() throws Exception {
        Answer old = Answer.of(fleet.get(0).preflight(APP, "GET"));
        String before = agreedFingerprint();
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        int threads = 4;
        long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int first = t;
            pool.execute(() -> {
                for (int i = first; !stop.get() && sent.incrementAndGet() <= MAX_REQUESTS
                        && System.nanoTime() < deadline; i++) {
                    FleetInstance instance = fleet.get(i % fleet.size());
                    try {
                        HttpResponse<Void> response = instance.preflight(APP, "GET");
                        String key = (response.statusCode() == 200) ? Answer.of(response).toString()
                                : "status " + response.statusCode();
                        answers.computeIfAbsent(instance.name() + ": " + key, (k) -> new LongAdder()).increment();
                    }
                    catch (RuntimeException ex) {
                        synchronized (failures) {
                            failures.add(instance.name() + ": " + ex);
                        }
                    }
                }
            });
        }
        Thread.sleep(300);
        repository.commit("Allow PUT, and let browsers cache preflights longer", fleetYaml("""
                allowed-origins: ["%s", "%s", "%s"]
                allowed-methods: [GET, POST, PUT]
                max-age: 20m
                """.formatted(APP, PARTNER, SHOP)));
        refreshAndAwait("busrefresh under load", fleet.get(2),
                (instance) -> !old.equals(Answer.of(instance.preflight(APP, "GET")))
                        && isAppliedWithNewFingerprint(instance.corsState(), before));
        Thread.sleep(300);
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        Answer current = Answer.of(fleet.get(0).preflight(APP, "GET"));
        assertThat(current.methods()).isNotEqualTo(old.methods());
        assertThat(current.maxAge()).isNotEqualTo(old.maxAge());
        System.out.printf("Under load, %d preflights from %d threads: %s%n",
                answers.values().stream().mapToLong(LongAdder::sum).sum(), threads, new TreeMap<>(answers));
        assertThat(failures).isEmpty();
        Set<String> expected = new HashSet<>();
        for (FleetInstance instance : fleet) {
            expected.add(instance.name() + ": " + old);
            expected.add(instance.name() + ": " + current);
        }
        assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @Order(4)
    void aCandidateIsTriedOnEveryInstanceThenPromoted() {
        String before = agreedFingerprint();
        repository.commit("Try dropping the partner's site", fleetYaml("""
                allowed-origins: ["%s", "%s", "%s"]
                allowed-methods: [GET, POST, PUT]
                max-age: 20m
                candidate:
                  allowed-origins: ["%s", "%s"]
                """.formatted(APP, PARTNER, SHOP, APP, SHOP)));
        refreshAndAwait("a candidate", fleet.get(0), (instance) -> instance.candidate(POLICY) != null
                && isAppliedWithNewFingerprint(instance.corsState(), before));
        for (FleetInstance instance : fleet) {
            double disagreements = instance.candidateDisagreements(POLICY);
            assertThat(instance.allows(PARTNER)).as("%s enforces the policy, not its candidate", instance).isTrue();
            assertThat(instance.candidateDisagreements(POLICY)).as("disagreements on %s", instance)
                .isEqualTo(disagreements + 1);
            assertThat(instance.allows(SHOP)).isTrue();
            assertThat(instance.candidateDisagreements(POLICY)).isEqualTo(disagreements + 1);
        }

        String tried = agreedFingerprint();
        repository.commit("Drop the partner's site", fleetYaml("""
                allowed-origins: ["%s", "%s"]
                allowed-methods: [GET, POST, PUT]
                max-age: 20m
                """.formatted(APP, SHOP)));
        refreshAndAwait("the promoted candidate", fleet.get(0), (instance) -> !instance.allows(PARTNER)
                && instance.candidate(POLICY) == null && isAppliedWithNewFingerprint(instance.corsState(), tried));
        assertThat(fleet).allMatch((instance) -> instance.allows(SHOP));
    }

    @Test
    @Order(5)
    void anInstanceThatStartsLateTakesTheFleetsConfiguration() {
        String fleetFingerprint = agreedFingerprint();
        long start = System.nanoTime();
        try (FleetInstance late = FleetInstance.start("webflux-late", WebApplicationType.REACTIVE, configServer.uri(),
                broker.getBrokersAsString())) {
            System.out.printf("A late instance started in %d ms%n", millisSince(start));
            CorsState state = late.corsState();
            assertThat(state.applied()).isTrue();
            assertThat(state.agreedFingerprint()).isEqualTo(fleetFingerprint);
            assertThat(late.allows(SHOP)).isTrue();
            assertThat(late.allows(PARTNER)).isFalse();
        }
    }

    private static FleetInstance startInstance(String name, WebApplicationType type) {
        FleetInstance instance = FleetInstance.start(name, type, configServer.uri(), broker.getBrokersAsString());
        started.push(instance);
        return instance;
    }

    // A bus consumer that has no partitions yet misses what is sent meanwhile: refresh until every instance heard one.
    private static void awaitBusListeners() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            fleet.get(0).busRefresh();
            return fleet.stream().allMatch((instance) -> instance.busRefreshes() > 0);
        });
    }

    /**
     * Sends {@code POST /actuator/busrefresh} to {@code via} and waits until {@code arrived} holds for every instance,
     * then prints how long that took, for the fleet and for each instance.
     */
    private static void refreshAndAwait(String change, FleetInstance via, Predicate<FleetInstance> arrived) {
        Map<FleetInstance, Long> arrivals = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        via.busRefresh();
        try {
            await().atMost(BOUND).pollInterval(Duration.ofMillis(20)).until(() -> {
                for (FleetInstance instance : fleet) {
                    if (!arrivals.containsKey(instance) && arrived.test(instance)) {
                        arrivals.put(instance, millisSince(start));
                    }
                }
                return arrivals.size() == fleet.size();
            });
        }
        catch (ConditionTimeoutException ex) {
            String missed = fleet.stream()
                .filter((instance) -> !arrivals.containsKey(instance))
                .map((instance) -> instance + " says " + instance.corsState())
                .collect(Collectors.joining("; "));
            throw new AssertionError(change + " did not reach every instance within " + BOUND.toSeconds() + " s: "
                    + missed, ex);
        }
        Map<String, Long> each = new LinkedHashMap<>();
        fleet.forEach((instance) -> each.put(instance.name(), arrivals.get(instance)));
        System.out.printf("%s reached %d instances in %d ms (sent to %s; %s)%n", change, fleet.size(),
                each.values().stream().mapToLong(Long::longValue).max().orElseThrow(), via.name(),
                each.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue() + " ms")
                    .collect(Collectors.joining(", ")));
    }

    private static boolean isAppliedWithNewFingerprint(CorsState state, String before) {
        String fingerprint = state.agreedFingerprint();
        return state.applied() && fingerprint != null && !fingerprint.equals(before);
    }

    /** The one fingerprint that every instance reports through the endpoint, the info endpoint and the gauge. */
    private static String agreedFingerprint() {
        Set<String> fingerprints = fleet.stream()
            .map((instance) -> String.valueOf(instance.corsState().agreedFingerprint()))
            .collect(Collectors.toSet());
        assertThat(fingerprints).hasSize(1).doesNotContain("null");
        return fingerprints.iterator().next();
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String fleetYaml(String policySettings) {
        return """
                cors:
                  policies:
                    %s:
                      paths: ["/api/**"]
                %s""".formatted(POLICY, policySettings.indent(6));
    }

    /** The two headers of an allowed preflight that the change under load alters together. */
    private record Answer(String methods, String maxAge) {

        static Answer of(HttpResponse<?> response) {
            return new Answer(response.headers().firstValue("Access-Control-Allow-Methods").orElse("none"),
                    response.headers().firstValue("Access-Control-Max-Age").orElse("none"));
        }

        @Override
        public String toString() {
            return "Allow-Methods " + this.methods + ", Max-Age " + this.maxAge;
        }
    }
}
