package io.corsboot.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.DecisionListener;

/** How many times a policy decided each test request, by the {@value HandlerCalls#HEADER} it carries. */
final class Decisions implements DecisionListener {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void onDecision(Decision decision, @Nullable Decision candidate, CorsRequest request) {
        String id = request.header(HandlerCalls.HEADER);
        if (id != null) {
            this.counts.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
        }
    }

    int count(String id) {
        AtomicInteger count = this.counts.get(id);
        return (count != null) ? count.get() : 0;
    }
}
