package io.corsboot.e2e;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The requests that reached the application's handler, by the {@value #HEADER} each test request carries: the
 * response cannot tell, since error pages may drop the handler's own headers.
 */
final class HandlerCalls {

    static final String HEADER = "X-Test-Request-Id";

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    void record(@Nullable String id) {
        if (id != null) {
            this.ids.add(id);
        }
    }

    boolean called(String id) {
        return this.ids.contains(id);
    }
}
