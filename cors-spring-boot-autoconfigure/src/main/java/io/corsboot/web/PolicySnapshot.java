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

/**
 * Every policy of one configuration, compiled, with the path patterns that choose between them. Immutable: a new
 * configuration makes a new snapshot, so a request is decided entirely by one snapshot or entirely by another.
 *
 * @since 0.1.0
 */
public final class PolicySnapshot {

    private static final PolicySnapshot EMPTY = new PolicySnapshot(new Route[0], List.of(), List.of());

    private final Route[] routes;

    private final List<CompiledPolicy> policies;

    private final List<ConfigProblem> warnings;

    private final String fingerprint;

    private PolicySnapshot(Route[] routes, List<CompiledPolicy> policies, List<ConfigProblem> warnings) {
        this.routes = routes;
        this.policies = policies;
        this.warnings = warnings;
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
        List<ConfigProblem> problems = new ArrayList<>(bindingProblems);
        List<Route> routes = new ArrayList<>();
        Map<String, String> patternOwners = new HashMap<>();
        // By name, so that the report, and which of two policies a duplicate pattern is blamed on, never depend
        // on the order a property source happens to keep.
        List<CorsPolicySpec> byName = specs.stream().sorted(Comparator.comparing(CorsPolicySpec::name)).toList();
        for (CorsPolicySpec spec : byName) {
            CompiledPolicy policy = compiler.compile(spec, problems);
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
        // A value inherited from cors.defaults, or by a candidate from its policy, is checked once per policy
        // that inherits it: report it once.
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
                problems.stream().filter((problem) -> !problem.isError()).toList());
    }

    private static @Nullable PathPattern parse(String path, String property, List<ConfigProblem> problems) {
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

    /** Decides a request by its path within the application. */
    public Decision decide(PathContainer path, CorsRequest request) {
        CompiledPolicy policy = policyFor(path);
        return (policy != null) ? policy.decide(request) : Decision.noPolicy(request);
    }

    private record Route(PathPattern pattern, CompiledPolicy policy) {
    }
}
