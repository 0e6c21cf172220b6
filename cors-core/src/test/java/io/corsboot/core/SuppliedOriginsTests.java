package io.corsboot.core;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.corsboot.core.OriginParser.OriginPattern;
import io.corsboot.core.SuppliedOrigins.Checked;

import static org.assertj.core.api.Assertions.assertThat;

/** Supplied origins are immutable, whatever becomes of the maps they were made from. */
class SuppliedOriginsTests {

    @Test
    void keepsTheValuesItWasMadeFromWhenTheirMapChanges() {
        Map<String, Checked<String>> origins = new HashMap<>();
        origins.put("https://a.example.com", accepted("https://a.example.com"));
        Map<String, Checked<OriginPattern>> patterns = new HashMap<>();
        SuppliedOrigins supplied = new SuppliedOrigins("tenants", "api", "api (supplied by tenants)", origins,
                patterns);
        origins.clear();
        origins.put("https://b.example.com", accepted("https://b.example.com"));
        assertThat(supplied.origin("https://a.example.com")).isNotNull();
        assertThat(supplied.origin("https://b.example.com")).isNull();
        assertThat(supplied.exact()).containsExactly("https://a.example.com");
    }

    private static Checked<String> accepted(String origin) {
        return new Checked<>(origin, origin, null, false, SuppliedOrigins.digest(origin));
    }
}
