package io.corsboot.reload;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.testing.BootLine;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots swapped continuously while many clients send mixed requests to a real server: every response is the
 * one the old snapshot gives or the one the new snapshot gives, never a mix, and none fails.
 */
class SnapshotSwapConcurrencyTests {

    private static final int CLIENTS = 8;

    private static final int REQUESTS_PER_CLIENT = 250;

    private static final String ONE = "https://one.example.com";

    private static final String TWO = "https://two.example.com";

    private static final String[] OLD = { "cors.policies.api.paths=/api/**", "cors.policies.api.allowed-origins=" + ONE,
            "cors.policies.api.allowed-methods=GET,POST", "cors.policies.api.allowed-headers=X-Old",
            "cors.policies.api.exposed-headers=X-Old", "cors.policies.api.allow-credentials=true",
            "cors.policies.api.max-age=100" };

    private static final String[] NEW = { "cors.policies.api.paths=/api/**",
            "cors.policies.api.allowed-origins=" + ONE + "," + TWO, "cors.policies.api.allowed-methods=GET,PUT",
            "cors.policies.api.allowed-headers=X-New", "cors.policies.api.exposed-headers=X-New",
            "cors.policies.api.max-age=200", "cors.policies.other.paths=/other/**",
            "cors.policies.other.allowed-origins=*" };

    /** Requests that each snapshot answers differently, in every header the policy decides. */
    private static final List<String[]> REQUESTS = List.of(
            new String[] { "OPTIONS", "/api/orders", "Origin", ONE, "Access-Control-Request-Method", "PUT" },
            new String[] { "OPTIONS", "/api/orders", "Origin", ONE, "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers", "x-old" },
            new String[] { "OPTIONS", "/api/orders", "Origin", TWO, "Access-Control-Request-Method", "GET",
                    "Access-Control-Request-Headers", "x-new" },
            new String[] { "GET", "/api/orders", "Origin", ONE },
            new String[] { "GET", "/api/orders", "Origin", TWO },
            new String[] { "GET", "/other/things", "Origin", ONE });

    private static final List<String> DECIDED = List.of("Access-Control-Allow-Origin",
            "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
            "Access-Control-Max-Age", "Access-Control-Expose-Headers", "Vary");

    private ConfigurableApplicationContext context;

    @AfterEach
    void close() {
        if (this.context != null) {
            this.context.close();
        }
    }

    @Test
    void everyResponseIsEntirelyTheOldOrTheNewSnapshots() throws Exception {
        this.context = new SpringApplicationBuilder(ReloadTestApplication.class).properties(OLD).run("--server.port=0");
        int port = BootLine.webServer(this.context).getPort();
        PolicySnapshotHolder holder = this.context.getBean(PolicySnapshotHolder.class);
        PolicySnapshot oldSnapshot = holder.get();
        MockEnvironment environment = new MockEnvironment();
        TestPropertyValues.of(NEW).applyTo(environment);
        PolicySnapshot newSnapshot = new CorsConfigurationLoader().load(environment);

        List<String> oldAnswers = answers(port);
        holder.change((current) -> newSnapshot);
        List<String> newAnswers = answers(port);
        for (int i = 0; i < REQUESTS.size(); i++) {
            assertThat(newAnswers.get(i)).as("request %d tells the snapshots apart", i).isNotEqualTo(oldAnswers.get(i));
        }

        AtomicBoolean clientsDone = new AtomicBoolean();
        AtomicLong swaps = new AtomicLong();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService executor = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            Future<?> swapper = executor.submit(() -> {
                while (!clientsDone.get()) {
                    holder.change((current) -> ((swaps.incrementAndGet() & 1) == 0) ? oldSnapshot : newSnapshot);
                    LockSupport.parkNanos(200_000);
                }
            });
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int offset = c;
                clients.add(executor.submit(() -> {
                    for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
                        int i = (n + offset) % REQUESTS.size();
                        String answer = answer(port, REQUESTS.get(i));
                        assertThat(answer).as("request %d", i).isIn(oldAnswers.get(i), newAnswers.get(i));
                        seen.add(i + (answer.equals(oldAnswers.get(i)) ? " old" : " new"));
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(120, TimeUnit.SECONDS);
            }
            clientsDone.set(true);
            swapper.get(10, TimeUnit.SECONDS);
        }
        finally {
            clientsDone.set(true);
            executor.shutdownNow();
        }
        assertThat(swaps.get()).isGreaterThan(100);
        assertThat(seen).as("each request was answered by both snapshots").hasSize(2 * REQUESTS.size());
    }

    private static List<String> answers(int port) throws Exception {
        List<String> answers = new ArrayList<>();
        for (String[] request : REQUESTS) {
            answers.add(answer(port, request));
        }
        return answers;
    }

    /** The status and every header a policy decides, as one string. */
    private static String answer(int port, String[] request) throws Exception {
        String[] headers = new String[request.length - 2];
        System.arraycopy(request, 2, headers, 0, headers.length);
        HttpResponse<String> response = ReloadTestApplication.send(port, request[0], request[1], headers);
        StringBuilder answer = new StringBuilder().append(response.statusCode());
        Map<String, List<String>> received = response.headers().map();
        for (String name : DECIDED) {
            List<String> values = received.entrySet().stream()
                .filter((entry) -> entry.getKey().equalsIgnoreCase(name))
                .flatMap((entry) -> entry.getValue().stream())
                .toList();
            answer.append(" | ").append(name).append(": ").append(values);
        }
        return answer.toString();
    }
}
