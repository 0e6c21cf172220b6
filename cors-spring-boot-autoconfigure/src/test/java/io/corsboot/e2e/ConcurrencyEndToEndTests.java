package io.corsboot.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.Setting;
import io.corsboot.e2e.TestServer.Exchange;
import io.corsboot.e2e.TestServer.Stack;
import io.corsboot.testing.CorsCases;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads send mixed requests through the filter of a real server while another thread keeps swapping the
 * policy snapshot between two versions. Every answer must be exactly what one of the two versions gives: the
 * compiled policies are shared and immutable, and a request is decided by one snapshot from start to end.
 */
class ConcurrencyEndToEndTests {

    private static final int THREADS = 16;

    private static final int REQUESTS_PER_THREAD = 150;

    private static final String APP = CorsCases.APP;

    private static final String BETA = "https://beta.partner.net";

    @ParameterizedTest
    @EnumSource(names = { "MVC", "WEBFLUX" })
    void answersEveryRequestAsOneSnapshotSaysWhileSnapshotsAreSwapped(Stack stack) throws Exception {
        try (TestServer server = TestServer.start(stack, CorsCases.PROPERTIES)) {
            PolicySnapshotHolder holder = server.bean(PolicySnapshotHolder.class);
            PolicySnapshot configured = holder.get();
            PolicySnapshot next = withBetaPartner(configured);
            List<Case> cases = cases();
            AtomicInteger sent = new AtomicInteger();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicInteger answeredByConfigured = new AtomicInteger();
            AtomicInteger answeredByNext = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread swapper = new Thread(() -> {
                while (running.get()) {
                    holder.change((current) -> (current == configured) ? next : configured);
                    LockSupport.parkNanos(1_000_000);
                }
            });
            ExecutorService workers = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(workers.submit(() -> {
                        start.await();
                        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                            Case c = cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
                            Answer answer = Answer.of(server.send(c.method(), c.path(), c.headers()));
                            sent.incrementAndGet();
                            boolean byConfigured = answer.equals(c.configured());
                            boolean byNext = answer.equals(c.next());
                            if (!byConfigured && !byNext) {
                                wrong.add(c.name() + ": " + answer);
                            }
                            if (byConfigured != byNext) {
                                (byConfigured ? answeredByConfigured : answeredByNext).incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                swapper.start();
                start.countDown();
                for (Future<?> future : done) {
                    future.get(2, TimeUnit.MINUTES);
                }
            }
            finally {
                running.set(false);
                swapper.join();
                workers.shutdownNow();
                holder.change((current) -> configured);
            }
            assertThat(sent).hasValue(THREADS * REQUESTS_PER_THREAD);
            assertThat(wrong).isEmpty();
            assertThat(answeredByConfigured).hasPositiveValue();
            assertThat(answeredByNext).hasPositiveValue();
        }
    }

    /** The configured policies, with partner-api also allowing a partner and exposing another header. */
    private static PolicySnapshot withBetaPartner(PolicySnapshot configured) {
        List<CorsPolicySpec> specs = new ArrayList<>();
        for (CompiledPolicy policy : configured.policies()) {
            CorsPolicySpec spec = policy.spec();
            if (spec.name().equals("partner-api")) {
                List<String> origins = new ArrayList<>(spec.allowedOrigins().value());
                origins.add(BETA);
                spec = new CorsPolicySpec(spec.name(), spec.paths(), spec.hosts(),
                        new Setting<>(List.copyOf(origins), spec.allowedOrigins().property()),
                        spec.allowedOriginPatterns(), spec.allowedMethods(), spec.allowedHeaders(),
                        new Setting<>(List.of("X-Trace-Id"), spec.exposedHeaders().property()),
                        spec.allowCredentials(), spec.allowPrivateNetwork(), spec.maxAge(), null);
            }
            specs.add(spec);
        }
        return PolicySnapshot.compile(specs, List.of(), new PolicyCompiler((host) -> false), PolicySnapshot.empty());
    }

    private static List<Case> cases() {
        Answer rejected = new Answer(403, null, null, null, null, false);
        Answer preflight = new Answer(200, "https://x.example.com", "true", null, "GET, POST, PUT, DELETE, HEAD",
                false);
        Answer plain = new Answer(200, null, null, null, null, true);
        Answer open = new Answer(200, "*", null, null, null, true);
        return List.of(
                new Case("allowed origin", "GET", "/api/orders", Map.of("Origin", APP),
                        new Answer(200, APP, "true", "X-Request-Id", null, true),
                        new Answer(200, APP, "true", "X-Trace-Id", null, true)),
                new Case("origin only the next snapshot allows", "GET", "/api/orders", Map.of("Origin", BETA),
                        rejected, new Answer(200, BETA, "true", "X-Trace-Id", null, true)),
                new Case("hostile origin", "POST", "/api/orders", Map.of("Origin", "https://evil.example.net"),
                        rejected, rejected),
                new Case("allowed preflight", "OPTIONS", "/api/orders",
                        Map.of("Origin", "https://x.example.com", "Access-Control-Request-Method", "PUT",
                                "Access-Control-Request-Headers", "content-type"), preflight, preflight),
                new Case("preflight for a method not allowed", "OPTIONS", "/api/orders",
                        Map.of("Origin", APP, "Access-Control-Request-Method", "PATCH"), rejected, rejected),
                new Case("public API", "GET", "/public/greeting", Map.of("Origin", "https://any.test"), open, open),
                new Case("not a CORS request", "GET", "/api/orders", Map.of(), plain, plain),
                new Case("path no policy covers", "GET", "/elsewhere", Map.of("Origin", "https://evil.net"), plain,
                        plain));
    }

    /**
     * A request and the answer each of the two snapshots gives it.
     * @param name what it is
     * @param method the method
     * @param path the path
     * @param headers the request headers
     * @param configured the answer under the configured snapshot
     * @param next the answer under the swapped-in snapshot
     */
    private record Case(String name, String method, String path, Map<String, String> headers, Answer configured,
            Answer next) {
    }

    /**
     * What a test reads of an answer.
     * @param status the status
     * @param allowOrigin {@code Access-Control-Allow-Origin}
     * @param allowCredentials {@code Access-Control-Allow-Credentials}
     * @param exposeHeaders {@code Access-Control-Expose-Headers}
     * @param allowMethods {@code Access-Control-Allow-Methods}
     * @param handled whether the handler ran
     */
    private record Answer(int status, @Nullable String allowOrigin, @Nullable String allowCredentials,
            @Nullable String exposeHeaders, @Nullable String allowMethods, boolean handled) {

        static Answer of(Exchange exchange) {
            var headers = exchange.response().headers();
            return new Answer(exchange.status(), headers.firstValue("Access-Control-Allow-Origin").orElse(null),
                    headers.firstValue("Access-Control-Allow-Credentials").orElse(null),
                    headers.firstValue("Access-Control-Expose-Headers").orElse(null),
                    headers.firstValue("Access-Control-Allow-Methods").orElse(null), exchange.handlerCalled());
        }
    }
}
