package io.corsboot.web;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;
import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The filters' first question: a path no policy can cover is told from the raw path, and no covered path is lost. */
class PolicySnapshotMayCoverTests {

    private static final PolicySnapshot snapshot = compile(List.of("/api/**", "/orders/{id}", "/files/*.txt",
            "/exact/page", "/status/v?", "/docs/{*rest}"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api", "/api/", "/api/greeting", "/api/a/b", "/orders/7", "/files/a.txt",
            "/exact/page", "/status/v1", "/docs", "/docs/x/y", "/%61pi/greeting", "/api;v=1/greeting",
            "/orders;x/7", "/exact/%70age" })
    void mayCoverEveryPathThatAPolicyCovers(String path) {
        assertThat(snapshot.policyFor(PathContainer.parsePath(path))).isNotNull();
        assertThat(snapshot.mayCover(path)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/", "/open/greeting", "//api/greeting", "/API/greeting", "/ap", "/order/7", "/stat" })
    void tellsWithoutParsingAPathThatNoPolicyCovers(String path) {
        assertThat(snapshot.policyFor(PathContainer.parsePath(path))).isNull();
        assertThat(snapshot.mayCover(path)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/", "/anything/at/all" })
    void mayCoverAnyPathUnderACatchAllPattern(String path) {
        assertThat(compile(List.of("/**")).mayCover(path)).isTrue();
    }

    private static PolicySnapshot compile(List<String> paths) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < paths.size(); i++) {
            environment.setProperty("cors.policies.p" + i + ".paths[0]", paths.get(i));
            environment.setProperty("cors.policies.p" + i + ".allowed-origins[0]", "https://app.example.com");
        }
        return new CorsConfigurationLoader().load(environment);
    }
}
