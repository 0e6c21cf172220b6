package io.corsboot.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.corsboot.core.ResponseHeaders;

/** The headers a decision writes, kept in the order the filter writes them. */
final class CapturedHeaders implements ResponseHeaders {

    private final Map<String, String> headers = new LinkedHashMap<>();

    private final List<String> vary = new ArrayList<>();

    @Override
    public void set(String name, String value) {
        this.headers.put(name, value);
    }

    @Override
    public void addVary(String token) {
        if (!this.vary.contains(token)) {
            this.vary.add(token);
        }
    }

    /** Every header, {@code Vary} first, as its tokens joined with {@code ", "}. */
    Map<String, String> asMap() {
        Map<String, String> all = new LinkedHashMap<>();
        if (!this.vary.isEmpty()) {
            all.put("Vary", String.join(", ", this.vary));
        }
        all.putAll(this.headers);
        return all;
    }
}
