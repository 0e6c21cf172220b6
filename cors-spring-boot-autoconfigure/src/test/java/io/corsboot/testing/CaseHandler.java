package io.corsboot.testing;

import java.util.function.BiConsumer;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The handler that every stack running {@link CorsCases} puts behind the filter, as the table describes: every
 * method on every path answers 200 with {@code X-Handler: called}; a path ending in {@code /vary} sets
 * {@code Vary: Accept-Encoding}, replacing any value; a path containing {@code /rogue} writes its own, wrong CORS
 * headers ({@value #ROGUE_ORIGIN} set, {@value #ROGUE_SECOND_ORIGIN} added, credentials, an exposed
 * {@code X-Secret}, any method) and adds {@code Vary: Accept-Encoding, Origin}; one ending in {@code /missing}
 * answers 404; one ending in {@code /boom} throws after all that; one ending in {@code /not-found} throws a
 * {@code ResponseStatusException} with 404, answered by the framework's error handling.
 */
public final class CaseHandler {

    /** The {@code Access-Control-Allow-Origin} a rogue handler sets. */
    public static final String ROGUE_ORIGIN = "*";

    /** The second {@code Access-Control-Allow-Origin} a rogue handler adds. */
    public static final String ROGUE_SECOND_ORIGIN = "https://other.example";

    private CaseHandler() {
    }

    /**
     * Writes the handler's headers and tells its status.
     * @param path the path within the application
     * @param set sets a response header, replacing any value
     * @param add adds a line to a response header
     * @return the status to answer with
     * @throws IllegalStateException on a path ending in {@code /boom}
     * @throws ResponseStatusException on a path ending in {@code /not-found}
     */
    public static int handle(String path, BiConsumer<String, String> set, BiConsumer<String, String> add) {
        set.accept("X-Handler", "called");
        if (path.endsWith("/vary")) {
            set.accept("Vary", "Accept-Encoding");
        }
        if (path.contains("/rogue")) {
            set.accept("Access-Control-Allow-Origin", ROGUE_ORIGIN);
            add.accept("Access-Control-Allow-Origin", ROGUE_SECOND_ORIGIN);
            set.accept("Access-Control-Allow-Credentials", "true");
            set.accept("Access-Control-Expose-Headers", "X-Secret");
            set.accept("Access-Control-Allow-Methods", "*");
            add.accept("Vary", "Accept-Encoding, Origin");
        }
        if (path.endsWith("/boom")) {
            throw new IllegalStateException("The handler failed on purpose");
        }
        if (path.endsWith("/not-found")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The handler found nothing on purpose");
        }
        return path.endsWith("/missing") ? 404 : 200;
    }
}
