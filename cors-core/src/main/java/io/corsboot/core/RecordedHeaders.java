package io.corsboot.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ResponseHeaders} that keep what a {@link Decision} writes instead of sending it: for the endpoint's
 * {@code check}, which shows the headers, and for merging {@code Vary}, which needs the decision's tokens.
 *
 * @since 0.1.0
 */
public final class RecordedHeaders implements ResponseHeaders {

    private final Map<String, String> headers = new LinkedHashMap<>();

    private final List<String> vary = new ArrayList<>(4);

    @Override
    public void write(String name, String value) {
        this.headers.put(name, value);
    }

    @Override
    public void addVary(String token) {
        if (!this.vary.contains(token)) {
            this.vary.add(token);
        }
    }

    /** The tokens added to {@code Vary}, in the order they were added. */
    public List<String> vary() {
        return Collections.unmodifiableList(this.vary);
    }

    /**
     * Every header in the order a filter writes them: {@code Vary} first, as its tokens joined with {@code ", "},
     * then the others in the order they were set.
     */
    public Map<String, String> asMap() {
        Map<String, String> all = new LinkedHashMap<>();
        if (!this.vary.isEmpty()) {
            all.put("Vary", String.join(", ", this.vary));
        }
        all.putAll(this.headers);
        return all;
    }
}
