package io.corsboot.e2e;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import io.corsboot.testing.CaseHandler;

/**
 * What the handler of both stacks' test applications does, and the requests that reached it, by the
 * {@value #HEADER} each test request carries: the response cannot tell, since error pages may drop the handler's own
 * headers.
 */
final class HandlerCalls {

    static final String HEADER = "X-Test-Request-Id";

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /**
     * Records the call and answers as {@link CaseHandler} says, the same on both stacks.
     * @param id the request's {@value #HEADER}
     * @param path the path within the application
     * @param set sets a response header, replacing any value
     * @param add adds a line to a response header
     * @return the status to answer with
     */
    int handle(@Nullable String id, String path, BiConsumer<String, String> set, BiConsumer<String, String> add) {
        if (id != null) {
            this.ids.add(id);
        }
        return CaseHandler.handle(path, set, add);
    }

    boolean called(String id) {
        return this.ids.contains(id);
    }
}
