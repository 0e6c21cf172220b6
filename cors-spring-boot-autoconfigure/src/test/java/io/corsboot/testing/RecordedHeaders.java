package io.corsboot.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.corsboot.core.ResponseHeaders;

/** Response headers as the core writes them, for assertions. */
public final class RecordedHeaders implements ResponseHeaders {

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

    /** Every header, {@code Vary} as its tokens joined with {@code ", "}. */
    public Map<String, String> asMap() {
        Map<String, String> all = new LinkedHashMap<>(this.headers);
        if (!this.vary.isEmpty()) {
            all.put("Vary", String.join(", ", this.vary));
        }
        return all;
    }
}
