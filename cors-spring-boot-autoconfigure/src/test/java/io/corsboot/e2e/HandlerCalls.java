package io.corsboot.e2e;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the handler of both stacks' test applications does, and the requests that reached it, by the
 * {@value #HEADER} each test request carries: the response cannot tell, since error pages may drop the handler's own
 * headers.
 */
final class HandlerCalls {

    static final String HEADER = "X-Test-Request-Id";

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /**
     * Records the call and answers as {@link TestServer} describes, the same on both stacks.
     * @param id the request's {@value #HEADER}
     * @param path the path within the application
     * @param setHeader sets a response header, replacing any value
     * @return the status to answer with
     */
    int handle(@Nullable String id, String path, BiConsumer<String, String> setHeader) {
        if (id != null) {
            this.ids.add(id);
        }
        setHeader.accept("X-Handler", "called");
        if (path.endsWith("/vary")) {
            setHeader.accept("Vary", "Accept-Encoding");
        }
        if (path.endsWith("/boom")) {
            throw new IllegalStateException("The handler failed on purpose");
        }
        if (path.endsWith("/not-found")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The handler found nothing on purpose");
        }
        return path.endsWith("/missing") ? 404 : 200;
    }

    boolean called(String id) {
        return this.ids.contains(id);
    }
}
