package io.corsboot.sample.playground;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The requests that the playground's probes sent, as the server received them. The web filters record a request
 * before the CORS filter sees it, so preflights, which never reach a controller, are recorded too.
 */
final class RequestLog {

    /** The query parameter that marks a probe; the page adds a fresh one to every request it sends. */
    static final String PROBE = "probe";

    // The last 500 requests: enough for a person clicking through the page, bounded for a server left running.
    private static final int CAPACITY = 500;

    private static final Pattern PROBE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Deque<Entry> entries = new ArrayDeque<>();

    /**
     * Records a request if its query carries a probe id.
     * @param method the request's method
     * @param path the request's path
     * @param rawQuery the request's query, not decoded
     * @param header the request's first value of a header, or null
     */
    void record(String method, String path, @Nullable String rawQuery, Function<String, @Nullable String> header) {
        String probe = probe(rawQuery);
        if (probe == null) {
            return;
        }
        String origin = header.apply("Origin");
        String requestMethod = header.apply("Access-Control-Request-Method");
        boolean preflight = "OPTIONS".equals(method) && origin != null && requestMethod != null;
        Entry entry = new Entry(probe, method, path, origin, preflight, requestMethod,
                header.apply("Access-Control-Request-Headers"), cookieNames(header.apply("Cookie")));
        synchronized (this.entries) {
            if (this.entries.size() == CAPACITY) {
                this.entries.removeFirst();
            }
            this.entries.addLast(entry);
        }
    }

    /** The requests recorded for a probe, in the order they arrived. */
    List<Entry> find(String probe) {
        synchronized (this.entries) {
            return this.entries.stream().filter((entry) -> entry.probe().equals(probe)).toList();
        }
    }

    static @Nullable String probe(@Nullable String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith(PROBE + "=")) {
                String value = parameter.substring(PROBE.length() + 1);
                return PROBE_ID.matcher(value).matches() ? value : null;
            }
        }
        return null;
    }

    // Names only: the log shows which cookies the browser sent, never their values.
    private static List<String> cookieNames(@Nullable String cookieHeader) {
        List<String> names = new ArrayList<>();
        if (cookieHeader != null) {
            for (String cookie : cookieHeader.split(";")) {
                int equals = cookie.indexOf('=');
                String name = ((equals >= 0) ? cookie.substring(0, equals) : cookie).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * One request as the server received it.
     *
     * @param probe the probe id the request carried
     * @param method the request's method
     * @param path the request's path
     * @param origin the {@code Origin} header, or null
     * @param preflight whether the request is a CORS preflight
     * @param requestMethod the {@code Access-Control-Request-Method} header of a preflight, or null
     * @param requestHeaders the {@code Access-Control-Request-Headers} header of a preflight, or null
     * @param cookies the names of the cookies the browser sent
     */
    record Entry(String probe, String method, String path, @Nullable String origin, boolean preflight,
            @Nullable String requestMethod, @Nullable String requestHeaders, List<String> cookies) {
    }
}
