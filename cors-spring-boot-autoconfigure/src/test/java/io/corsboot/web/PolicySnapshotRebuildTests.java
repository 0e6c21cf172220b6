package io.corsboot.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import io.corsboot.autoconfigure.CorsConfigurationLoader;
import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.SuppliedOriginValidator;
import io.corsboot.core.SuppliedOrigins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** New snapshots from a changed configuration or changed supplied origins: what is rebuilt, what is shared. */
class PolicySnapshotRebuildTests {

    private static final String[] CONFIGURATION = { "cors.policies.tenants.paths=/tenants/**",
            "cors.policies.tenants.allowed-origins=https://app.example.com",
            "cors.policies.tenants.allow-credentials=true",
            "cors.policies.tenants.candidate.allowed-methods=GET",
            "cors.policies.admin.paths=/admin/**",
            "cors.policies.admin.allowed-origins=https://admin.example.com" };

    private final PolicyCompiler compiler = new PolicyCompiler(Set.of("com", "github.io")::contains,
            (policy) -> "cors.policies." + policy);

    private final SuppliedOriginValidator validator = new SuppliedOriginValidator(
            Set.of("com", "github.io")::contains, (policy) -> "cors.policies." + policy);

    private final CorsConfigurationLoader loader = new CorsConfigurationLoader();

    private final PolicySnapshot snapshot = this.loader.load(environment(CONFIGURATION));

    @Test
    void aSupplierChangeRecompilesOnlyItsPolicy() {
        PolicySnapshot next = this.snapshot.withSupplied(supplied(List.of("https://t1.example.com"), List.of()),
                this.compiler);
        assertThat(policy(next, "admin")).isSameAs(policy(this.snapshot, "admin"));
        assertThat(policy(next, "tenants")).isNotSameAs(policy(this.snapshot, "tenants"));
        assertThat(policy(next, "tenants").allowsOrigin("https://t1.example.com")).isTrue();
        assertThat(policy(this.snapshot, "tenants").allowsOrigin("https://t1.example.com")).isFalse();
    }

    @Test
    void suppliedOriginsAreCountedButNotListedWithTheConfiguredOnes() {
        PolicySnapshot next = this.snapshot.withSupplied(supplied(
                List.of("https://t1.example.com", "https://T2.example.com:443", "https://t1.example.com"),
                List.of("https://*.t3.example.com")), this.compiler);
        CompiledPolicy tenants = policy(next, "tenants");
        assertThat(tenants.suppliedOrigins()).isEqualTo(3);
        assertThat(tenants.spec().allowedOrigins().value()).containsExactly("https://app.example.com");
        assertThat(tenants.allowsOrigin("https://t2.example.com")).isTrue();
        assertThat(tenants.allowsOrigin("https://a.t3.example.com")).isTrue();
        assertThat(tenants.allowsOrigin("https://app.example.com")).isTrue();
    }

    @Test
    void anOriginOrPatternThatTwoSuppliersGiveIsCountedOnce() {
        PolicySnapshot next = this.snapshot
            .withSupplied(supplied(List.of("https://t1.example.com", "https://t2.example.com"),
                    List.of("https://*.t3.example.com")), this.compiler)
            .withSupplied(this.validator.validate("partnerOrigins", "tenants",
                    List.of("https://T1.example.com:443", "https://t4.example.com"),
                    List.of("https://*.T3.example.com:443"), null), this.compiler);
        assertThat(policy(next, "tenants").suppliedOrigins()).isEqualTo(4);
        assertThat(policy(next, "tenants").candidate().suppliedOrigins()).isEqualTo(4);
    }

    @Test
    void aPatternThatOneSupplierGivesInTwoSpellingsIsCountedOnce() {
        PolicySnapshot next = this.snapshot.withSupplied(
                supplied(List.of(), List.of("https://*.t3.example.com", "https://*.T3.example.com:[443]")),
                this.compiler);
        assertThat(policy(next, "tenants").suppliedOrigins()).isEqualTo(1);
    }

    @Test
    void anInvalidSuppliedOriginIsDroppedAndReportedWhileTheOthersApply() {
        SuppliedOrigins origins = supplied(
                List.of("https://ok.example.com", "https://slash.example.com/", "*", "null", "bare.example.com"),
                List.of("https://*", "https://*.com", "https://app-*.com", "https://*.ok2.example.com",
                        "https://pr-*.ok3.example.com"));
        PolicySnapshot next = this.snapshot.withSupplied(origins, this.compiler);
        CompiledPolicy tenants = policy(next, "tenants");
        assertThat(origins.dropped()).extracting(ConfigProblem::value).containsExactlyInAnyOrder(
                "https://slash.example.com/", "*", "null", "bare.example.com", "https://*", "https://*.com",
                "https://app-*.com");
        assertThat(origins.dropped()).allSatisfy((problem) -> {
            assertThat(problem.code()).isEqualTo(Code.SUPPLIED_ORIGIN_DROPPED);
            assertThat(problem.isError()).isFalse();
            assertThat(problem.property()).isEqualTo("cors.policies.tenants (supplied by tenantOrigins)");
        });
        assertThat(next.warnings()).containsAll(origins.dropped());
        assertThat(tenants.suppliedOrigins()).isEqualTo(3);
        assertThat(tenants.allowsOrigin("https://ok.example.com")).isTrue();
        assertThat(tenants.allowsOrigin("https://a.ok2.example.com")).isTrue();
        assertThat(tenants.allowsOrigin("https://pr-7.ok3.example.com")).isTrue();
        assertThat(tenants.allowsOrigin("https://app-evil.com")).isFalse();
        assertThat(tenants.allowsOrigin("https://evil.net")).isFalse();
        assertThat(tenants.allowsOrigin("null")).isFalse();
        assertThat(tenants.allowsOrigin("https://slash.example.com")).isFalse();
    }

    @Test
    void aPlainHttpSuppliedOriginWithCredentialsIsAppliedWithAWarning() {
        PolicySnapshot next = this.snapshot.withSupplied(supplied(List.of("http://t1.example.com"), List.of()),
                this.compiler);
        assertThat(policy(next, "tenants").allowsOrigin("http://t1.example.com")).isTrue();
        assertThat(next.warnings()).extracting(ConfigProblem::code, ConfigProblem::value)
            .containsExactly(tuple(Code.INSECURE_ORIGIN_WITH_CREDENTIALS,
                    "http://t1.example.com"));
    }

    @Test
    void valuesValidatedBeforeAreNotParsedAgain() {
        SuppliedOrigins first = supplied(List.of("https://t1.example.com", "https://bad.example.com/"), List.of());
        SuppliedOrigins second = this.validator.validate("tenantOrigins", "tenants",
                List.of("https://t1.example.com", "https://bad.example.com/", "https://t2.example.com"), List.of(),
                first);
        assertThat(second.dropped().get(0)).isSameAs(first.dropped().get(0));
        assertThat(second.exact()).containsExactlyInAnyOrder("https://t1.example.com", "https://t2.example.com");
    }

    @Test
    void theCandidateAllowsTheSuppliedOriginsToo() {
        PolicySnapshot next = this.snapshot.withSupplied(supplied(List.of("https://t1.example.com"), List.of()),
                this.compiler);
        CompiledPolicy candidate = policy(next, "tenants").candidate();
        assertThat(candidate).isNotNull();
        assertThat(candidate.allowsOrigin("https://t1.example.com")).isTrue();
    }

    @Test
    void aSupplierForAPolicyThatIsNotConfiguredIsReportedAndNotApplied() {
        SuppliedOrigins origins = this.validator.validate("partnerOrigins", "partners",
                List.of("https://p.example.com"), List.of(), null);
        PolicySnapshot next = this.snapshot.withSupplied(origins, this.compiler);
        assertThat(next.policies()).allSatisfy((policy) -> assertThat(policy.allowsOrigin("https://p.example.com"))
            .isFalse());
        assertThat(next.warnings()).extracting(ConfigProblem::code).containsExactly(Code.SUPPLIER_POLICY_UNKNOWN);
    }

    @Test
    void aSupplierThatNamesAnotherPolicyLeavesTheFirst() {
        PolicySnapshot next = this.snapshot
            .withSupplied(supplied(List.of("https://t1.example.com"), List.of()), this.compiler)
            .withSupplied(this.validator.validate("tenantOrigins", "admin", List.of("https://t1.example.com"),
                    List.of(), null), this.compiler);
        assertThat(policy(next, "tenants").allowsOrigin("https://t1.example.com")).isFalse();
        assertThat(policy(next, "admin").allowsOrigin("https://t1.example.com")).isTrue();
    }

    @Test
    void aPendingSupplierChangesNeitherThePoliciesNorTheFingerprint() {
        PolicySnapshot pending = this.snapshot.withPending("tenantOrigins", pending("tenantOrigins"));
        assertThat(pending.pendingSuppliers()).containsExactly(pending("tenantOrigins"));
        assertThat(pending.policies()).isEqualTo(this.snapshot.policies());
        assertThat(pending.fingerprint()).isEqualTo(this.snapshot.fingerprint());
        assertThat(pending.withPending("tenantOrigins", null).pendingSuppliers()).isEmpty();
    }

    @Test
    void pendingSuppliersCarryOverSuppliedOriginsAReloadAndARefusal() {
        PolicySnapshot pending = this.snapshot.withPending("tenantOrigins", pending("tenantOrigins"))
            .withSupplied(this.validator.validate("partnerOrigins", "tenants", List.of("https://p.example.com"),
                    List.of(), null), this.compiler);
        assertThat(pending.pendingSuppliers()).containsExactly(pending("tenantOrigins"));
        String[] changed = CONFIGURATION.clone();
        changed[5] = "cors.policies.admin.allowed-origins=https://admin2.example.com";
        PolicySnapshot reloaded = this.loader.load(environment(changed), pending);
        assertThat(reloaded.pendingSuppliers()).containsExactly(pending("tenantOrigins"));
        String[] invalid = CONFIGURATION.clone();
        invalid[1] = "cors.policies.tenants.allowed-origins=*";
        PolicySnapshot refusing = new PolicySnapshotHolder(reloaded)
            .change((current) -> this.loader.load(environment(invalid), current));
        assertThat(refusing.refused()).isNotNull();
        assertThat(refusing.pendingSuppliers()).containsExactly(pending("tenantOrigins"));
    }

    @Test
    void aReloadSharesThePoliciesItDoesNotChange() {
        String[] changed = CONFIGURATION.clone();
        changed[5] = "cors.policies.admin.allowed-origins=https://admin2.example.com";
        PolicySnapshot next = this.loader.load(environment(changed), this.snapshot);
        assertThat(policy(next, "tenants")).isSameAs(policy(this.snapshot, "tenants"));
        assertThat(policy(next, "admin")).isNotSameAs(policy(this.snapshot, "admin"));
        assertThat(policy(next, "admin").allowsOrigin("https://admin2.example.com")).isTrue();
    }

    @Test
    void suppliedOriginsCarryOverAReload() {
        PolicySnapshot supplied = this.snapshot.withSupplied(
                supplied(List.of("https://t1.example.com"), List.of()), this.compiler);
        String[] changed = CONFIGURATION.clone();
        changed[1] = "cors.policies.tenants.allowed-origins=https://app2.example.com";
        PolicySnapshot next = this.loader.load(environment(changed), supplied);
        assertThat(policy(next, "tenants").allowsOrigin("https://t1.example.com")).isTrue();
        assertThat(policy(next, "tenants").allowsOrigin("https://app2.example.com")).isTrue();
        assertThat(policy(next, "tenants").allowsOrigin("https://app.example.com")).isFalse();
    }

    @Test
    void aRefusedConfigurationLeavesThePoliciesInForceAndIsKeptUntilOneIsPutInForce() {
        PolicySnapshotHolder holder = new PolicySnapshotHolder(this.snapshot);
        String[] invalid = CONFIGURATION.clone();
        invalid[1] = "cors.policies.tenants.allowed-origins=*";
        PolicySnapshot refusing = holder.change((current) -> this.loader.load(environment(invalid), current));
        assertThat(refusing.refused()).extracting(ConfigProblem::code)
            .containsOnly(Code.WILDCARD_ORIGIN_WITH_CREDENTIALS);
        assertThat(refusing.policies()).isEqualTo(this.snapshot.policies());
        assertThat(refusing.fingerprint()).isEqualTo(this.snapshot.fingerprint());
        assertThat(holder.get()).isSameAs(refusing);

        PolicySnapshot applied = holder.change((current) -> this.loader.load(environment(CONFIGURATION), current));
        assertThat(applied.refused()).isNull();
        assertThat(holder.get()).isSameAs(applied);
    }

    @Test
    void originsSuppliedAfterARefusedConfigurationKeepTheRefusal() {
        PolicySnapshotHolder holder = new PolicySnapshotHolder(this.snapshot);
        String[] invalid = CONFIGURATION.clone();
        invalid[1] = "cors.policies.tenants.allowed-origins=*";
        holder.change((current) -> this.loader.load(environment(invalid), current));
        PolicySnapshot supplied = holder.change((current) -> current
            .withSupplied(supplied(List.of("https://t9.example.com"), List.of()), this.compiler));
        assertThat(policy(supplied, "tenants").allowsOrigin("https://t9.example.com")).isTrue();
        assertThat(supplied.refused()).extracting(ConfigProblem::code)
            .containsOnly(Code.WILDCARD_ORIGIN_WITH_CREDENTIALS);
    }

    @Test
    void theFingerprintChangesWhenASuppliedOriginIsAddedOrRemoved() {
        PolicySnapshot one = this.snapshot.withSupplied(supplied(List.of("https://t1.example.com"), List.of()),
                this.compiler);
        PolicySnapshot two = one.withSupplied(
                supplied(List.of("https://t1.example.com", "https://t2.example.com"), List.of()), this.compiler);
        PolicySnapshot oneAgain = two.withSupplied(supplied(List.of("https://t1.example.com"), List.of()),
                this.compiler);
        assertThat(one.fingerprint()).isNotEqualTo(this.snapshot.fingerprint());
        assertThat(two.fingerprint()).isNotEqualTo(one.fingerprint());
        assertThat(oneAgain.fingerprint()).isEqualTo(one.fingerprint());
    }

    @Test
    void theFingerprintIgnoresTheOrderAndSpellingOfSuppliedOrigins() {
        PolicySnapshot first = this.snapshot.withSupplied(
                supplied(List.of("https://t1.example.com", "https://t2.example.com"), List.of()), this.compiler);
        PolicySnapshot second = this.snapshot.withSupplied(
                supplied(List.of("https://T2.example.com:443", "https://t1.example.com"), List.of()), this.compiler);
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void theFingerprintIgnoresWhichSuppliersGiveAnOrigin() {
        PolicySnapshot one = this.snapshot.withSupplied(
                supplied(List.of("https://t1.example.com", "https://t2.example.com"), List.of()), this.compiler);
        PolicySnapshot two = one.withSupplied(this.validator.validate("partnerOrigins", "tenants",
                List.of("https://t2.example.com"), List.of(), null), this.compiler);
        assertThat(two.fingerprint()).isEqualTo(one.fingerprint());
    }

    @Test
    void theFingerprintIgnoresTheSpellingOfSuppliedPatterns() {
        PolicySnapshot first = this.snapshot.withSupplied(supplied(List.of(), List.of("https://*.t1.example.com")),
                this.compiler);
        PolicySnapshot second = this.snapshot.withSupplied(
                supplied(List.of(), List.of("https://*.T1.example.com:443")), this.compiler);
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void theFingerprintIgnoresDroppedValuesAndSuppliersWithoutOrigins() {
        PolicySnapshot valid = this.snapshot.withSupplied(supplied(List.of("https://t1.example.com"), List.of()),
                this.compiler);
        PolicySnapshot withDropped = this.snapshot.withSupplied(
                supplied(List.of("https://t1.example.com", "https://bad.example.com/"), List.of()), this.compiler);
        PolicySnapshot empty = this.snapshot.withSupplied(supplied(List.of(), List.of()), this.compiler);
        assertThat(withDropped.fingerprint()).isEqualTo(valid.fingerprint());
        assertThat(empty.fingerprint()).isEqualTo(this.snapshot.fingerprint());
    }

    private static PendingSupplier pending(String supplier) {
        return new PendingSupplier(supplier, "tenants", PendingSupplier.State.FAILED,
                "java.lang.IllegalStateException: database unavailable", 2, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private SuppliedOrigins supplied(List<String> origins, List<String> patterns) {
        return this.validator.validate("tenantOrigins", "tenants", origins, patterns, null);
    }

    private static CompiledPolicy policy(PolicySnapshot snapshot, String name) {
        return snapshot.policies().stream().filter((policy) -> policy.name().equals(name)).findFirst().orElseThrow();
    }

    private static MockEnvironment environment(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (String property : properties) {
            int equals = property.indexOf('=');
            environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
        }
        return environment;
    }
}
