package io.corsboot.web;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PatternParseException;
import org.springframework.web.util.pattern.PathPatternParser;

import io.corsboot.web.PolicyRoutes.Route;
import io.corsboot.web.PolicyRoutes.Shape;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing without parsing, against PathPattern itself: for any pattern and any path as sent, what the route tells from
 * the raw text is what PathPattern answers for the parsed path, and the route index offers every route that matches.
 */
class RoutePropertyTests {

    @Property(tries = 5000)
    void aLiteralShapeMatchesALiteralPathExactlyWhenPathPatternDoes(@ForAll("patterns") String text,
            @ForAll("paths") String rawPath) {
        assertRouteAgreesWithPathPattern(text, rawPath);
    }

    @Property(tries = 2000)
    void capturedSegmentsMatchALiteralPathExactlyWhenPathPatternDoes(
            @ForAll("patternsAndPathsAlike") Tuple2<String, String> patternAndPath) {
        assertRouteAgreesWithPathPattern(patternAndPath.get1(), patternAndPath.get2());
    }

    private static void assertRouteAgreesWithPathPattern(String text, String rawPath) {
        PathPattern pattern = parse(text);
        if (pattern == null) {
            return;
        }
        Route route = new Route(pattern, null, List.of());
        boolean matches = pattern.matches(PathContainer.parsePath(rawPath));
        if (matches && RouteIndex.isLiteral(rawPath)) {
            assertThat(rawPath).as("the route's literal beginning").startsWith(route.prefix());
        }
        if (route.shape() != Shape.PATTERN && RouteIndex.isLiteral(rawPath)) {
            assertThat(route.matchesLiteral(rawPath)).as("%s against %s", text, rawPath).isEqualTo(matches);
        }
    }

    @Property(tries = 2000)
    void theIndexOffersEveryRouteThatMatchesALiteralPath(@ForAll("routeLists") List<String> texts,
            @ForAll("paths") String rawPath) {
        List<Route> routes = texts.stream().map(RoutePropertyTests::parse).filter((p) -> p != null)
            .map((pattern) -> new Route(pattern, null, List.of())).toList();
        if (!RouteIndex.isLiteral(rawPath)) {
            return;
        }
        List<Route> offered = List.of(new RouteIndex(routes.toArray(Route[]::new)).candidatesFor(rawPath));
        PathContainer path = PathContainer.parsePath(rawPath);
        routes.stream().filter((route) -> route.pattern().matches(path))
            .forEach((route) -> assertThat(offered).as(route.pattern() + " for " + rawPath).contains(route));
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> literal = Arbitraries.of("a", "b", "ab", "a.b", "a-b", "A", "");
        Arbitrary<String> variable = Arbitraries.of("*", "a*", "{x}", "{y}", "{x:a}", "a{y}", "?", "**",
                "{*rest}", "%61", "a;b");
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                Tuple.of(4, literal), Tuple.of(1, variable));
        Arbitrary<String> tail = Arbitraries.of("", "", "/", "/**", "/**", "/*", "/{*rest}");
        return Combinators.combine(segment.list().ofMaxSize(4), tail, Arbitraries.of("/", "/", "/", ""))
            .as((segments, end, lead) -> lead + String.join("/", segments) + end);
    }

    // A pattern of literal and captured segments, and a path with the same number of segments or one more: a captured
    // segment, or sometimes a literal one, replaced by any segment, the empty one included.
    @Provide
    Arbitrary<Tuple2<String, String>> patternsAndPathsAlike() {
        Arbitrary<String> patternSegment = Arbitraries.of("a", "b", "ab", "{x}", "{y}", "{x:a}", "a{y}");
        Arbitrary<String> pathSegment = Arbitraries.of("a", "b", "ab", "", "a.b", "{x}");
        return patternSegment.list().ofMinSize(1).ofMaxSize(4).flatMap((segments) -> Combinators.combine(
                pathSegment.list().ofSize(segments.size()), Arbitraries.integers().between(0, 3).list()
                    .ofSize(segments.size()), Arbitraries.of("", "", "/", "/a"))
            .as((fillers, dice, end) -> {
                StringBuilder path = new StringBuilder();
                for (int i = 0; i < segments.size(); i++) {
                    boolean replaced = segments.get(i).contains("{") || dice.get(i) == 0;
                    path.append('/').append(replaced ? fillers.get(i) : segments.get(i));
                }
                return Tuple.of("/" + String.join("/", segments), path + end);
            }));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.of("a", "b", "ab", "a.b", "a-b", "A", "", "c", "%61", "a;b=1", "**");
        return Combinators.combine(segment.list().ofMaxSize(5), Arbitraries.of("", "/"), Arbitraries.of("/", "/", ""))
            .as((segments, end, lead) -> lead + String.join("/", segments) + end);
    }

    @Provide
    Arbitrary<List<String>> routeLists() {
        return patterns().list().ofMinSize(1).ofMaxSize(9);
    }

    private static PathPattern parse(String text) {
        try {
            return PathPatternParser.defaultInstance.parse(text);
        }
        catch (PatternParseException ex) {
            return null;
        }
    }
}
