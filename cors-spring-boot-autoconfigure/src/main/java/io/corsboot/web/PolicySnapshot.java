package io.corsboot.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.CorsConfigurationException;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.SuppliedOrigins;

/**
 * Every policy of one configuration, compiled, with the path patterns that choose between them. Immutable: a new
 * configuration makes a new snapshot, so a request is decided entirely by one snapshot or entirely by another.
 *
 * @since 0.1.0
 */
public final class PolicySnapshot {

    // What a pattern's text means other than itself: variables, wildcards, and what PathPattern decodes or strips.
    private static final String PATTERN_CHARACTERS = "{}*?%\\;";

    private static final PolicySnapshot EMPTY = new PolicySnapshot(new Route[0], List.of(), List.of(), List.of(),
            List.of(), Map.of(), Map.of());

    private final Route[] routes;

    // The routes by the first segment of what every path they match begins with: see policyFor.
    private final RouteIndex index;

    private final List<CompiledPolicy> policies;

    private final List<ConfigProblem> warnings;

    // What the snapshot was built from, kept so that a change rebuilds from it and reuses what it does not touch.
    private final List<CorsPolicySpec> specs;

    private final List<ConfigProblem> bindingWarnings;

    private final Map<String, List<SuppliedOrigins>> supplied;

    private final Map<String, PolicySnapshotBuilder.Compiled> compiled;

    private final String fingerprint;

    PolicySnapshot(Route[] routes, List<CompiledPolicy> policies, List<ConfigProblem> warnings,
            List<CorsPolicySpec> specs, List<ConfigProblem> bindingWarnings, Map<String, List<SuppliedOrigins>> supplied,
            Map<String, PolicySnapshotBuilder.Compiled> compiled) {
        this.routes = routes;
        this.index = new RouteIndex(routes);
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
        return PolicySnapshotBuilder.build(specs, bindingProblems, compiler, previous.supplied, previous);
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
        return PolicySnapshotBuilder.build(this.specs, this.bindingWarnings, compiler, Map.copyOf(supplied), this);
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
        return route(path.value(), path);
    }

    /**
     * The policy that covers a path within the application, or null, from the path as it was sent: it is parsed only
     * when a pattern that may match it cannot be told from its text. Hand-written because the parse measured about 270
     * bytes per request on Tomcat, where the common patterns ({@code /api/**}, {@code /exact/page}) need none.
     * @param rawPath the path within the application, not decoded
     */
    public @Nullable CompiledPolicy policyFor(String rawPath) {
        return route(rawPath, null);
    }

    // The first route that matches, in route order; the path is parsed at most once, and only if a pattern needs it.
    private @Nullable CompiledPolicy route(String rawPath, @Nullable PathContainer path) {
        if (!RouteIndex.isLiteral(rawPath)) {
            if (this.routes.length == 0) {
                return null;
            }
            return firstMatch(this.routes, (path != null) ? path : PathContainer.parsePath(rawPath));
        }
        PathContainer parsed = path;
        for (Route route : this.index.candidatesFor(rawPath)) {
            // A path that lacks the route's literal beginning cannot match: told without PathPattern's match.
            if (!rawPath.startsWith(route.prefix())) {
                continue;
            }
            if (route.shape() != Shape.PATTERN) {
                if (route.matchesLiteral(rawPath)) {
                    return route.policy();
                }
                continue;
            }
            if (parsed == null) {
                parsed = PathContainer.parsePath(rawPath);
            }
            if (route.pattern().matches(parsed)) {
                return route.policy();
            }
        }
        return null;
    }

    private static @Nullable CompiledPolicy firstMatch(Route[] routes, PathContainer path) {
        for (Route route : routes) {
            if (route.pattern().matches(path)) {
                return route.policy();
            }
        }
        return null;
    }

    // The pattern's whole literal segments before its first variable part, up to the slash before it: a path the
    // pattern matches begins with them ("/api/**" matches "/api" and begins with "/api"). The whole text when the
    // pattern is literal; empty when the pattern does not begin with a literal segment.
    private static String literalPrefix(PathPattern pattern) {
        String text = pattern.getPatternString();
        if (!text.startsWith("/")) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            if (PATTERN_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, text.lastIndexOf('/', i - 1));
            }
        }
        return text;
    }

    /**
     * Decides a request by its path within the application, with the policy that covers it, else answers
     * {@link Decision#UNCOVERED} without reading the request.
     */
    public Decision decide(PathContainer path, CorsRequest request) {
        CompiledPolicy policy = policyFor(path);
        return (policy != null) ? policy.decide(request) : Decision.UNCOVERED;
    }

    /**
     * A path pattern and the policy it routes to, with what every path it matches begins with and what its text
     * alone says about the literal paths it matches.
     */
    record Route(PathPattern pattern, CompiledPolicy policy, String prefix, Shape shape) {

        Route(PathPattern pattern, CompiledPolicy policy) {
            this(pattern, policy, literalPrefix(pattern), Shape.of(pattern.getPatternString()));
        }

        /**
         * Whether the pattern matches a {@link RouteIndex#isLiteral literal} path, when its {@link #shape} is not
         * {@link Shape#PATTERN}: what PathPattern answers, as the property tests check.
         */
        boolean matchesLiteral(String rawPath) {
            String text = this.pattern.getPatternString();
            if (this.shape == Shape.EXACT) {
                return rawPath.equals(text);
            }
            int end = text.length() - "/**".length();
            return rawPath.regionMatches(0, text, 0, end) && (rawPath.length() == end || rawPath.charAt(end) == '/');
        }
    }

    /** What a pattern's text says about the literal paths it matches. */
    enum Shape {

        /** Literal segments alone: it matches its own text and nothing else. */
        EXACT,

        /** Literal segments and a trailing {@code /**}: it matches its beginning and every path below it. */
        SUBTREE,

        /** Anything else: only PathPattern tells. */
        PATTERN;

        static Shape of(String text) {
            if (isLiteralText(text)) {
                return EXACT;
            }
            if (text.endsWith("/**") && isLiteralText(text.substring(0, text.length() - "/**".length()))) {
                return SUBTREE;
            }
            return PATTERN;
        }

        private static boolean isLiteralText(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (PATTERN_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
