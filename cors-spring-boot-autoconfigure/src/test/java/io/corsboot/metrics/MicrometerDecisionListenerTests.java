package io.corsboot.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.Setting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cors.requests} counter, fed decisions directly.
 */
class MicrometerDecisionListenerTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final MicrometerDecisionListener listener = new MicrometerDecisionListener(this.registry);

    private final CompiledPolicy policy = compile("api");

    @Test
    void countsAVerdictWithThePolicyKindOutcomeAndReason() {
        Decision decision = this.policy.decide(request("OPTIONS", "https://evil.example.net", "PUT"));
        this.listener.onDecision(decision, null, request("OPTIONS", "https://evil.example.net", "PUT"));
        assertThat(this.registry.get(MicrometerDecisionListener.REQUESTS)
            .tags("policy", "api", "kind", "preflight", "outcome", "rejected", "reason", "ORIGIN_NOT_ALLOWED")
            .counter()
            .count()).isOne();
    }

    @Test
    void ignoresDecisionsThatAreNotCrossOriginVerdicts() {
        CorsRequest noOrigin = request("GET", null, null);
        this.listener.onDecision(this.policy.decide(noOrigin), null, noOrigin);
        this.listener.onDecision(Decision.UNCOVERED, null, noOrigin);
        assertThat(this.registry.find(MicrometerDecisionListener.REQUESTS).counters()).isEmpty();
    }

    @Test
    void countsARecompiledPolicyInTheSeriesOfItsName() {
        CompiledPolicy refreshed = compile("api");
        CorsRequest allowed = request("GET", "https://app.example.com", null);
        this.listener.onDecision(this.policy.decide(allowed), null, allowed);
        this.listener.onDecision(refreshed.decide(allowed), null, allowed);
        assertThat(this.registry.get(MicrometerDecisionListener.REQUESTS).tag("reason", "ALLOWED").counter().count())
            .isEqualTo(2);
    }

    @Test
    void registersEachCounterOnceAndKeepsIt() {
        CorsRequest request = request("GET", "https://app.example.com", null);
        Decision decision = this.policy.decide(request);
        this.listener.onDecision(decision, null, request);
        Counter counter = this.registry.get(MicrometerDecisionListener.REQUESTS).counter();
        // A listener that looked its counter up in the registry on every decision would register it again here.
        this.registry.clear();
        this.listener.onDecision(decision, null, request);
        assertThat(this.registry.getMeters()).isEmpty();
        assertThat(counter.count()).isEqualTo(2);
    }

    private static CompiledPolicy compile(String name) {
        String prefix = "cors.policies." + name + ".";
        CorsPolicySpec spec = new CorsPolicySpec(name, new Setting<>(List.of("/api/**"), prefix + "paths"),
                new Setting<>(List.of(), prefix + "hosts"),
                new Setting<>(List.of("https://app.example.com"), prefix + "allowed-origins"),
                new Setting<>(List.of(), prefix + "allowed-origin-patterns"),
                new Setting<>(List.of("GET", "PUT"), prefix + "allowed-methods"),
                new Setting<>(List.of(), prefix + "allowed-headers"),
                new Setting<>(List.of(), prefix + "exposed-headers"), new Setting<>(false, prefix + "allow-credentials"),
                new Setting<>(false, prefix + "allow-private-network"),
                new Setting<>(Duration.ofMinutes(30), prefix + "max-age"), null);
        List<ConfigProblem> problems = new ArrayList<>();
        CompiledPolicy policy = new PolicyCompiler((host) -> false).compile(spec, problems);
        assertThat(problems).isEmpty();
        return policy;
    }

    private static CorsRequest request(String method, @Nullable String origin, @Nullable String requestMethod) {
        Map<String, String> headers = new HashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        if (requestMethod != null) {
            headers.put("Access-Control-Request-Method", requestMethod);
        }
        return new CorsRequest() {

            @Override
            public String method() {
                return method;
            }

            @Override
            public @Nullable String header(String name) {
                return headers.get(name);
            }

            @Override
            public String scheme() {
                return "https";
            }

            @Override
            public String host() {
                return "api.example.com";
            }

            @Override
            public int port() {
                return 443;
            }
        };
    }
}
