package io.corsboot.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;
import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.CompiledPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing, from the path as it was sent and from the parsed path alike: no covered path is lost, a path no policy
 * covers is told as such, and each goes to the policy whose pattern matches it first.
 */
class PolicySnapshotRoutingTests {

    private static final PolicySnapshot snapshot = compile(List.of("/api/**", "/orders/{id}", "/files/*.txt",
            "/exact/page", "/status/v?", "/docs/{*rest}"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api", "/api/", "/api/greeting", "/api/a/b", "/orders/7", "/files/a.txt",
            "/exact/page", "/status/v1", "/docs", "/docs/x/y", "/%61pi/greeting", "/api;v=1/greeting",
            "/orders;x/7", "/exact/%70age" })
    void findsThePolicyOfEveryPathThatOneCovers(String path) {
        assertThat(snapshot.routes().policyFor(PathContainer.parsePath(path))).isNotNull();
        assertThat(snapshot.routes().policyFor(path, null))
            .isSameAs(snapshot.routes().policyFor(PathContainer.parsePath(path)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/", "/open/greeting", "//api/greeting", "/API/greeting", "/ap", "/order/7", "/stat",
            "/exact/page/", "/exact/pag", "/exact", "/apis", "/orders", "/orders/", "/orders/7/", "/orders/7/x",
            "/orders//7" })
    void tellsAPathThatNoPolicyCovers(String path) {
        assertThat(snapshot.routes().policyFor(PathContainer.parsePath(path))).isNull();
        assertThat(snapshot.routes().policyFor(path, null)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "", "/", "/anything/at/all", "/%61" })
    void coversAnyPathUnderACatchAllPattern(String path) {
        assertThat(compile(List.of("/**")).routes().policyFor(path, null)).isNotNull();
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({ "/tenant-1/orders, p0", "/tenant-10/orders, p1", "/tenant-1, p0", "/api/admin/users, p3",
            "/api/orders, p2", "/%61pi/admin/users, p3", "/api;v=1/orders, p2", "/tenant-10;x/orders, p1",
            "/any/thing, p4", "/api/invoices, p5", "/tenant-1/invoices, p5", "/other/invoices, p5", "/, p4",
            "//api/orders, p4" })
    void routesEveryPathToThePolicyWhosePatternMatchesItFirst(String path, String policy) {
        PolicySnapshot routed = compile(
                List.of("/tenant-1/**", "/tenant-10/**", "/api/**", "/api/admin/**", "/**", "/{tenant}/invoices"));
        assertThat(routed.routes().policyFor(PathContainer.parsePath(path)).name()).isEqualTo(policy);
        assertThat(routed.routes().policyFor(path, null).name()).isEqualTo(policy);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/tenant-1", "/tenant-100/orders", "/tenant-2/orders", "/ap", "/apis/orders", "/",
            "/api" })
    void findsTheRoutesOfAPathByItsFirstSegmentAlone(String path) {
        PolicySnapshot routed = compile(List.of("/tenant-1/**", "/tenant-10/**", "/api/admin/**", "/shop/**", "/docs/**"));
        boolean covered = routed.routes().policyFor(PathContainer.parsePath(path)) != null;
        assertThat(covered).isEqualTo(path.equals("/tenant-1"));
        assertThat(routed.routes().policyFor(path, null) != null).isEqualTo(covered);
    }

    @ParameterizedTest(name = "{0} {1} goes to {2}")
    @CsvSource({ "admin.example.com, /api/orders, admin-host", "ADMIN.example.com, /api/orders, admin-host",
            "a.tenants.example.com, /api/orders, tenants", "b.a.tenants.example.com, /api/orders, tenants",
            "x.example.com, /api/orders, example-wide", "www.example.org, /api/orders, api",
            "tenants.example.com, /api/orders, example-wide", "admin.example.com, /api/admin/users, admin-host",
            "www.example.org, /api/admin/users, api-admin", "a.tenants.example.com, /other, ''",
            "www.example.org, /%61pi/admin/users, api-admin", "admin.example.com, /api;v=1/orders, admin-host",
            "admin.example.com, /apis/orders, ''" })
    void routesToAPolicyForTheHostBeforeOneForEveryHost(String host, String path, String policy) {
        MockEnvironment environment = new MockEnvironment();
        policy(environment, "api", "/api/**", null);
        policy(environment, "api-admin", "/api/admin/**", null);
        policy(environment, "admin-host", "/api/**", "admin.example.com");
        policy(environment, "tenants", "/api/**", "*.tenants.example.com");
        policy(environment, "example-wide", "/api/{*rest}", "*.example.com,docs.example.org");
        PolicySnapshot routed = new CorsConfigurationLoader().load(environment);
        CompiledPolicy routedTo = routed.routes().policyFor(path, null, host);
        assertThat((routedTo != null) ? routedTo.name() : "").isEqualTo(policy);
        assertThat(routed.routes().policyFor(path, PathContainer.parsePath(path), host)).isSameAs(routedTo);
        assertThat(routed.routes().hasHosts()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/orders", "/other" })
    void aPolicyForOtherHostsNeverCoversTheRequest(String path) {
        MockEnvironment environment = new MockEnvironment();
        policy(environment, "admin-host", "/**", "admin.example.com");
        PolicySnapshot routed = new CorsConfigurationLoader().load(environment);
        assertThat(routed.routes().policyFor(path, null, "api.example.com")).isNull();
        assertThat(routed.routes().policyFor(path, null, "admin.example.com")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/orders", "/other" })
    void readsNoHostWhereNoPolicyIsLimitedToHosts(String path) {
        assertThat(snapshot.routes().hasHosts()).isFalse();
        assertThat(snapshot.routes().policyFor(path, null, "any.example.com"))
            .isSameAs(snapshot.routes().policyFor(path, null));
    }

    private static void policy(MockEnvironment environment, String name, String path, @Nullable String hosts) {
        environment.setProperty("cors.policies." + name + ".paths", path);
        environment.setProperty("cors.policies." + name + ".allowed-origins", "https://app.example.com");
        if (hosts != null) {
            environment.setProperty("cors.policies." + name + ".hosts", hosts);
        }
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
