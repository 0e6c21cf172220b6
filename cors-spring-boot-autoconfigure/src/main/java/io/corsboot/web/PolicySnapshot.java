package io.corsboot.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.CorsConfigurationException;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.Setting;
import io.corsboot.core.SuppliedOrigins;

/**
 * Every policy of one configuration, compiled, with the path patterns that choose between them. Immutable: a new
 * configuration makes a new snapshot, so a request is decided entirely by one snapshot or entirely by another.
 *
 * @since 0.1.0
 */
public final class PolicySnapshot {

    private static final PolicySnapshot EMPTY = new PolicySnapshot(new Route[0], List.of(), List.of(), List.of(),
            List.of(), Map.of(), Map.of());

    private final Route[] routes;

    private final List<CompiledPolicy> policies;

    private final List<ConfigProblem> warnings;

    // What the snapshot was built from, kept so that a change rebuilds from it and reuses what it does not touch.
    private final List<CorsPolicySpec> specs;

    private final List<ConfigProblem> bindingWarnings;

    private final Map<String, List<SuppliedOrigins>> supplied;

    private final Map<String, Compiled> compiled;

    private final String fingerprint;

    private PolicySnapshot(Route[] routes, List<CompiledPolicy> policies, List<ConfigProblem> warnings,
            List<CorsPolicySpec> specs, List<ConfigProblem> bindingWarnings, Map<String, List<SuppliedOrigins>> supplied,
            Map<String, Compiled> compiled) {
        this.routes = routes;
        this.policies = policies;
        this.warnings = warnings;
        this.specs = specs;
        this.bindingWarnings = bindingWarnings;
        this.supplied = supplied;
        this.compiled = compiled;
        this.fingerprint = Fingerprint.of(policies);
    }

    /** A snapshot without policies. */
    public static PolicySnapshot empty() {
        return EMPTY;
    }

    /**
     * Validates and compiles policies into a snapshot.
     * @param specs the policies as configured
     * @param bindingProblems problems already found while binding the configuration, reported with the rest
     * @param compiler the policy compiler
     * @return the snapshot, with any warnings
     * @throws CorsConfigurationException with every error, when there is one
     */
    public static PolicySnapshot compile(List<CorsPolicySpec> specs, List<ConfigProblem> bindingProblems,
            PolicyCompiler compiler) {
        return compile(specs, bindingProblems, compiler, EMPTY);
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
        return build(specs, bindingProblems, compiler, previous.supplied, previous);
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
        return build(this.specs, this.bindingWarnings, compiler, Map.copyOf(supplied), this);
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

    private static PolicySnapshot build(List<CorsPolicySpec> specs, List<ConfigProblem> bindingProblems,
            PolicyCompiler compiler, Map<String, List<SuppliedOrigins>> supplied, PolicySnapshot previous) {
        List<ConfigProblem> problems = new ArrayList<>(bindingProblems);
        List<Route> routes = new ArrayList<>();
        Map<String, String> patternOwners = new HashMap<>();
        // By name, so that the report, and which of two policies a duplicate pattern is blamed on, never depend
        // on the order a property source happens to keep.
        List<CorsPolicySpec> byName = specs.stream().sorted(Comparator.comparing(CorsPolicySpec::name)).toList();
        Map<String, Compiled> compiled = new HashMap<>();
        for (CorsPolicySpec spec : byName) {
            List<SuppliedOrigins> origins = supplied.getOrDefault(spec.name(), List.of());
            Compiled old = previous.compiled.get(spec.name());
            Compiled current = (old != null && old.spec().equals(spec) && old.supplied().equals(origins)) ? old
                    : Compiled.of(spec, origins, compiler);
            compiled.put(spec.name(), current);
            CompiledPolicy policy = current.policy();
            problems.addAll(current.problems());
            for (SuppliedOrigins from : origins) {
                problems.addAll(from.dropped());
            }
            Setting<List<String>> paths = spec.paths();
            if (paths.value().isEmpty()) {
                problems.add(new ConfigProblem(Code.POLICY_WITHOUT_PATHS, paths.property(), null,
                        "Policy '" + spec.name() + "' has no paths, so it covers no request.",
                        "Add the paths it covers, such as " + paths.property() + "=/api/**."));
            }
            for (int i = 0; i < paths.value().size(); i++) {
                String path = paths.value().get(i);
                PathPattern pattern = parse(path, paths.element(i), problems);
                if (pattern == null) {
                    continue;
                }
                String owner = patternOwners.putIfAbsent(withoutCaptureNames(pattern), spec.name());
                if (owner != null && !owner.equals(spec.name())) {
                    problems.add(new ConfigProblem(Code.DUPLICATE_PATH_PATTERN, paths.element(i), path,
                            "\"" + path + "\" is also a path of policy '" + owner
                                    + "', so which one applies would be unclear.",
                            "Keep the pattern in one policy, or make one of them more specific."));
                }
                routes.add(new Route(pattern, policy));
            }
        }
        for (Map.Entry<String, List<SuppliedOrigins>> entry : supplied.entrySet()) {
            if (!compiled.containsKey(entry.getKey())) {
                for (SuppliedOrigins from : entry.getValue()) {
                    problems.add(unknownPolicy(compiler.policyProperty(entry.getKey()), entry.getKey(), from));
                }
            }
        }
        // A value inherited from cors.defaults is checked once per policy that inherits it: report it once.
        problems = problems.stream().distinct().toList();
        List<ConfigProblem> errors = problems.stream().filter(ConfigProblem::isError).toList();
        if (!errors.isEmpty()) {
            throw new CorsConfigurationException(errors);
        }
        // The most specific pattern wins; a tie goes to the policy whose name sorts first, so the choice never
        // depends on the order a property source happens to keep.
        routes.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR)
            .thenComparing((route) -> route.policy().name()));
        LinkedHashSet<CompiledPolicy> byPrecedence = new LinkedHashSet<>();
        routes.forEach((route) -> byPrecedence.add(route.policy()));
        return new PolicySnapshot(routes.toArray(new Route[0]), List.copyOf(byPrecedence),
                problems.stream().filter((problem) -> !problem.isError()).toList(), List.copyOf(specs),
                bindingProblems.stream().filter((problem) -> !problem.isError()).toList(), supplied,
                Map.copyOf(compiled));
    }

    private static ConfigProblem unknownPolicy(String property, String policy, SuppliedOrigins origins) {
        return new ConfigProblem(Code.SUPPLIER_POLICY_UNKNOWN, property, null,
                "Policy '" + policy + "' is not configured, so the origins that " + origins.supplier()
                        + " supplies for it are ignored.",
                "Configure the policy with its paths, such as " + property
                        + ".paths=/api/**, or correct the name the supplier gives.");
    }

    private static @Nullable PathPattern parse(String path, String property, List<ConfigProblem> problems) {
        // The parser accepts these, and the pattern then matches no request path: every path starts with "/".
        if (!path.startsWith("/")) {
            String fix = path.isBlank() ? "Give the pattern, such as \"/api/**\", or remove the empty element."
                    : "Start it with \"/\": \"/" + path.strip() + "\".";
            problems.add(new ConfigProblem(Code.INVALID_PATH_PATTERN, property, path,
                    "\"" + path + "\" does not start with \"/\", so it matches no request path.", fix));
            return null;
        }
        try {
            return PathPatternParser.defaultInstance.parse(path);
        }
        catch (PatternParseException ex) {
            problems.add(new ConfigProblem(Code.INVALID_PATH_PATTERN, property, path,
                    "\"" + path + "\" is not a valid path pattern: " + ex.getMessage() + ".",
                    "Use PathPattern syntax, such as \"/api/**\" or \"/orders/{id}\"."));
            return null;
        }
    }

    // "/api/{a}/**" and "/api/{b}/**" match the same paths.
    private static String withoutCaptureNames(PathPattern pattern) {
        return pattern.getPatternString().replaceAll("\\{(\\*?)\\w+", "{$1");
    }

    /** The policies, most specific first. */
    public List<CompiledPolicy> policies() {
        return this.policies;
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

    /** Whether there is no policy. */
    public boolean isEmpty() {
        return this.policies.isEmpty();
    }

    /** The policy that covers a path within the application, or null. */
    public @Nullable CompiledPolicy policyFor(PathContainer path) {
        for (Route route : this.routes) {
            if (route.pattern().matches(path)) {
                return route.policy();
            }
        }
        return null;
    }

    /**
     * Decides a request by its path within the application, with the policy that covers it, else answers
     * {@link Decision#UNCOVERED} without reading the request.
     */
    public Decision decide(PathContainer path, CorsRequest request) {
        CompiledPolicy policy = policyFor(path);
        return (policy != null) ? policy.decide(request) : Decision.UNCOVERED;
    }

    private record Route(PathPattern pattern, CompiledPolicy policy) {
    }

    /** One policy as compiled, with what it was compiled from and the problems compiling it found. */
    private record Compiled(CorsPolicySpec spec, List<SuppliedOrigins> supplied, CompiledPolicy policy,
            List<ConfigProblem> problems) {

        static Compiled of(CorsPolicySpec spec, List<SuppliedOrigins> supplied, PolicyCompiler compiler) {
            List<ConfigProblem> problems = new ArrayList<>();
            CompiledPolicy policy = compiler.compile(spec, supplied, problems);
            return new Compiled(spec, supplied, policy, List.copyOf(problems));
        }
    }
}
