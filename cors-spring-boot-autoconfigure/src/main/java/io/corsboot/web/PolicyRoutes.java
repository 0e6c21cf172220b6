package io.corsboot.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.HostPattern;

/**
 * Which policy covers a request: the path patterns of every policy, most specific first, a tie going to the policy
 * whose name sorts first, so that the choice never depends on the order a property source happens to keep. A policy
 * limited to some hosts covers only requests to them, and comes before every policy without hosts, as virtual hosts
 * come before routes: the host itself before a {@code *.} pattern, a longer pattern before a shorter one.
 *
 * @since 0.1.0
 */
public final class PolicyRoutes {

    // What a pattern's text means other than itself: variables, wildcards, and what PathPattern decodes or strips.
    private static final String PATTERN_CHARACTERS = "{}*?%\\;";

    static final PolicyRoutes NONE = new PolicyRoutes(List.of());

    private final Route[] routes;

    // The routes by the first segment of what every path they match begins with: see policyFor.
    private final RouteIndex index;

    private final List<CompiledPolicy> policies;

    private final boolean hasHosts;

    PolicyRoutes(List<Route> routes) {
        this.routes = routes.toArray(new Route[0]);
        Arrays.sort(this.routes);
        this.index = new RouteIndex(this.routes);
        LinkedHashSet<CompiledPolicy> byPrecedence = new LinkedHashSet<>();
        for (Route route : this.routes) {
            byPrecedence.add(route.policy());
        }
        this.policies = List.copyOf(byPrecedence);
        boolean hasHosts = false;
        for (Route route : this.routes) {
            hasHosts |= !route.hosts().isEmpty();
        }
        this.hasHosts = hasHosts;
    }

    /** The policies, in the order of their most specific pattern. */
    List<CompiledPolicy> policies() {
        return this.policies;
    }

    /** Whether some policy is limited to some hosts: only then is a request's host read. */
    public boolean hasHosts() {
        return this.hasHosts;
    }

    /** The policy that covers a path within the application on every host, or null. */
    public @Nullable CompiledPolicy policyFor(PathContainer path) {
        return policyFor(path.value(), path);
    }

    /**
     * The policy that covers a request to a host and a path within the application, or null: of the routes whose
     * pattern matches, the one whose hosts match best, then the first.
     * @param rawPath the path within the application, not decoded
     * @param path the same path parsed, when the web stack has parsed it already, else null
     * @param host the request's host without its port
     */
    public @Nullable CompiledPolicy policyFor(String rawPath, @Nullable PathContainer path, String host) {
        if (!this.hasHosts) {
            return policyFor(rawPath, path);
        }
        boolean literal = RouteIndex.isLiteral(rawPath);
        PathContainer parsed = path;
        CompiledPolicy best = null;
        int bestRank = -1;
        for (Route route : this.routes) {
            int rank = route.hostRank(host);
            if (rank <= bestRank) {
                continue;
            }
            boolean matches;
            if (literal && route.shape() != Shape.PATTERN) {
                matches = route.matchesLiteral(rawPath);
            }
            else {
                if (parsed == null) {
                    parsed = PathContainer.parsePath(rawPath);
                }
                matches = route.pattern().matches(parsed);
            }
            if (matches) {
                best = route.policy();
                bestRank = rank;
            }
        }
        return best;
    }

    /**
     * The policy that covers a path within the application, or null: the first route that matches. The path is
     * parsed at most once, and only when a pattern that may match it cannot be told from its text, since the common
     * patterns ({@code /api/**}, {@code /exact/page}, {@code /orders/{id}}) need neither a parse nor PathPattern's
     * match, which allocates its state on every call.
     * @param rawPath the path within the application, not decoded
     * @param path the same path parsed, when the web stack has parsed it already, else null
     */
    @Nullable CompiledPolicy policyFor(String rawPath, @Nullable PathContainer path) {
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
     * A path pattern and the policy it routes to, with what every path it matches begins with and what its text
     * alone says about the literal paths it matches.
     */
    record Route(PathPattern pattern, CompiledPolicy policy, List<HostPattern> hosts, String prefix, Shape shape)
            implements Comparable<Route> {

        Route(PathPattern pattern, CompiledPolicy policy, List<HostPattern> hosts) {
            this(pattern, policy, hosts, literalPrefix(pattern), Shape.of(pattern.getPatternString()));
        }

        /**
         * The more specific pattern first; of two as specific, the policy whose name sorts first. Inconsistent with
         * equals: routes of one policy with patterns as specific compare as equal.
         */
        @Override
        public int compareTo(Route other) {
            int specificity = PathPattern.SPECIFICITY_COMPARATOR.compare(this.pattern, other.pattern);
            return (specificity != 0) ? specificity : this.policy.name().compareTo(other.policy.name());
        }

        /**
         * How well the route's hosts match a request's host: 0 for a route without hosts, which every match of a
         * host outranks, or -1 for no match.
         */
        int hostRank(String host) {
            if (this.hosts.isEmpty()) {
                return 0;
            }
            int best = -1;
            for (HostPattern pattern : this.hosts) {
                best = Math.max(best, pattern.rank(host));
            }
            return best;
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
            if (this.shape == Shape.CAPTURES) {
                return matchesSegments(text, rawPath);
            }
            int end = text.length() - "/**".length();
            return rawPath.regionMatches(0, text, 0, end) && (rawPath.length() == end || rawPath.charAt(end) == '/');
        }

        // The text of a CAPTURES pattern against a literal path, segment by segment: a literal character matches
        // itself, a capture any segment that is not empty.
        private static boolean matchesSegments(String text, String rawPath) {
            int at = 0;
            int i = 0;
            while (i < text.length()) {
                if (text.charAt(i) == '{') {
                    int end = rawPath.indexOf('/', at);
                    end = (end < 0) ? rawPath.length() : end;
                    if (end == at) {
                        return false;
                    }
                    at = end;
                    i = text.indexOf('}', i) + 1;
                }
                else {
                    if (at == rawPath.length() || rawPath.charAt(at) != text.charAt(i)) {
                        return false;
                    }
                    at++;
                    i++;
                }
            }
            return at == rawPath.length();
        }
    }

    /** What a pattern's text says about the literal paths it matches. */
    enum Shape {

        /** Literal segments alone: it matches its own text and nothing else. */
        EXACT,

        /** Literal segments and a trailing {@code /**}: it matches its beginning and every path below it. */
        SUBTREE,

        /**
         * Literal segments and whole segments captured ({@code /orders/{id}/items}): it matches the paths with the
         * same literal segments and a segment that is not empty for each capture.
         */
        CAPTURES,

        /** Anything else: only PathPattern tells. */
        PATTERN;

        static Shape of(String text) {
            if (isLiteralText(text)) {
                return EXACT;
            }
            if (text.endsWith("/**") && isLiteralText(text.substring(0, text.length() - "/**".length()))) {
                return SUBTREE;
            }
            if (hasLiteralOrCapturedSegments(text)) {
                return CAPTURES;
            }
            return PATTERN;
        }

        // Each segment literal, or a capture alone ({id}, without a regular expression after a colon).
        private static boolean hasLiteralOrCapturedSegments(String text) {
            for (String segment : text.split("/", -1)) {
                boolean captured = segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
                String literal = captured ? segment.substring(1, segment.length() - 1) : segment;
                if (!isLiteralText(literal) || (captured && literal.indexOf(':') >= 0)) {
                    return false;
                }
            }
            return true;
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
