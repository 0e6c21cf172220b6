package io.corsboot.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.CorsConfigurationException;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.SuppliedOrigins;

/**
 * Every policy of one configuration, compiled, with the {@link PolicyRoutes} that choose between them. Immutable: a
 * new configuration makes a new snapshot, so a request is decided entirely by one snapshot or entirely by another.
 *
 * @since 0.1.0
 */
public final class PolicySnapshot {

    private static final PolicySnapshot EMPTY = new PolicySnapshot(PolicyRoutes.NONE, List.of(), List.of(), List.of(),
            Map.of(), Map.of(), null, Map.of());

    private final PolicyRoutes routes;

    private final List<ConfigProblem> warnings;

    // What the snapshot was built from, kept so that a change rebuilds from it and reuses what it does not touch.
    private final List<CorsPolicySpec> specs;

    private final List<ConfigProblem> bindingWarnings;

    private final Map<String, List<SuppliedOrigins>> supplied;

    private final Map<String, PolicySnapshotBuilder.Compiled> compiled;

    private final String fingerprint;

    private final @Nullable List<ConfigProblem> refused;

    private final Map<String, PendingSupplier> pending;

    PolicySnapshot(PolicyRoutes routes, List<ConfigProblem> warnings, List<CorsPolicySpec> specs,
            List<ConfigProblem> bindingWarnings, Map<String, List<SuppliedOrigins>> supplied,
            Map<String, PolicySnapshotBuilder.Compiled> compiled, @Nullable List<ConfigProblem> refused,
            Map<String, PendingSupplier> pending) {
        this.routes = routes;
        this.warnings = warnings;
        this.specs = specs;
        this.bindingWarnings = bindingWarnings;
        this.supplied = supplied;
        this.compiled = compiled;
        this.fingerprint = Fingerprint.of(routes.policies());
        this.refused = refused;
        this.pending = pending;
    }

    /** A snapshot without policies. */
    public static PolicySnapshot empty() {
        return EMPTY;
    }

    /**
     * Validates and compiles a new configuration to replace a snapshot. The origins supplied to the previous
     * snapshot apply to the new one, and each policy whose spec and supplied origins are unchanged is taken from the
     * previous snapshot as it is, by reference.
     * @param specs the policies as configured
     * @param bindingProblems problems already found while binding the configuration, reported with the rest
     * @param compiler the policy compiler
     * @param previous the snapshot being replaced
     * @return the snapshot, with any warnings
     * @throws CorsConfigurationException with every error, when there is one
     */
    public static PolicySnapshot compile(List<CorsPolicySpec> specs, List<ConfigProblem> bindingProblems,
            PolicyCompiler compiler, PolicySnapshot previous) {
        return PolicySnapshotBuilder.build(specs, bindingProblems, compiler, previous.supplied, previous, null,
                previous.pending);
    }

    /**
     * This snapshot with new origins from one supplier: the policy they are for is recompiled, every other one is
     * shared with this snapshot. Supplied origins never make a configuration invalid, so this never throws.
     * @param origins the supplier's origins, already validated
     * @param compiler the policy compiler
     * @return the new snapshot
     */
    public PolicySnapshot withSupplied(SuppliedOrigins origins, PolicyCompiler compiler) {
        Map<String, List<SuppliedOrigins>> supplied = new HashMap<>();
        this.supplied.forEach((policy, list) -> {
            List<SuppliedOrigins> others = list.stream()
                .filter((other) -> !other.supplier().equals(origins.supplier()))
                .toList();
            if (!others.isEmpty()) {
                supplied.put(policy, others);
            }
        });
        List<SuppliedOrigins> forPolicy = new ArrayList<>(supplied.getOrDefault(origins.policy(), List.of()));
        forPolicy.add(origins);
        forPolicy.sort(Comparator.comparing(SuppliedOrigins::supplier));
        supplied.put(origins.policy(), List.copyOf(forPolicy));
        return PolicySnapshotBuilder.build(this.specs, this.bindingWarnings, compiler, Map.copyOf(supplied), this,
                this.refused, this.pending);
    }

    /**
     * This snapshot, with a supplier's origins pending or no longer pending. The policies, and so the fingerprint,
     * are this snapshot's.
     * @param supplier the supplier's name
     * @param pending why its origins are pending, or null once it answered
     * @return the new snapshot
     */
    public PolicySnapshot withPending(String supplier, @Nullable PendingSupplier pending) {
        if (Objects.equals(this.pending.get(supplier), pending)) {
            return this;
        }
        Map<String, PendingSupplier> next = new HashMap<>(this.pending);
        if (pending != null) {
            next.put(supplier, pending);
        }
        else {
            next.remove(supplier);
        }
        return new PolicySnapshot(this.routes, this.warnings, this.specs, this.bindingWarnings, this.supplied,
                this.compiled, this.refused, Map.copyOf(next));
    }

    /**
     * This snapshot, kept in force when a new configuration is refused, with the errors of that configuration.
     * @param errors why the configuration was refused
     * @return the same policies, with the refusal
     */
    public PolicySnapshot refusing(List<ConfigProblem> errors) {
        return new PolicySnapshot(this.routes, this.warnings, this.specs, this.bindingWarnings, this.supplied,
                this.compiled, List.copyOf(errors), this.pending);
    }

    /**
     * The errors of the last configuration refused while this snapshot's configuration stayed in force, or null when
     * the last configuration was put in force. Origins supplied later keep it.
     */
    public @Nullable List<ConfigProblem> refused() {
        return this.refused;
    }

    /**
     * The suppliers whose origins are pending, by name: a policy they supply lacks their origins, or has those of an
     * earlier reading.
     */
    public List<PendingSupplier> pendingSuppliers() {
        if (this.pending.isEmpty()) {
            return List.of();
        }
        return this.pending.values().stream().sorted(Comparator.comparing(PendingSupplier::supplier)).toList();
    }

    /** The last origins a supplier gave to this snapshot, or null. */
    public @Nullable SuppliedOrigins supplied(String supplier) {
        for (List<SuppliedOrigins> list : this.supplied.values()) {
            for (SuppliedOrigins origins : list) {
                if (origins.supplier().equals(supplier)) {
                    return origins;
                }
            }
        }
        return null;
    }

    /** Each policy as compiled, by name, for a rebuild to reuse. */
    Map<String, PolicySnapshotBuilder.Compiled> compiled() {
        return this.compiled;
    }

    /** The policies, most specific first. */
    public List<CompiledPolicy> policies() {
        return this.routes.policies();
    }

    /** Which policy covers a path. */
    public PolicyRoutes routes() {
        return this.routes;
    }

    /** The warnings found while compiling. */
    public List<ConfigProblem> warnings() {
        return this.warnings;
    }

    /**
     * A stable hash of the effective policies, in hex: equal on every instance and after every restart with the same
     * configuration, different when anything that changes behaviour changes.
     */
    public String fingerprint() {
        return this.fingerprint;
    }
}
