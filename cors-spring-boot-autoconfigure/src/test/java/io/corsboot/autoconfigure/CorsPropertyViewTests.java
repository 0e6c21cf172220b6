package io.corsboot.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view of cors.* that a refresh compares with the one the policies in force were read from: any change a binding
 * of cors.* could read is a change, and nothing else is.
 */
class CorsPropertyViewTests {

    @Property(tries = 500)
    void sourcesReadAgainWithEqualContentGiveAnEqualView(@ForAll("sources") List<Source> sources) {
        assertThat(view(sources)).isNotNull().isEqualTo(view(sources));
    }

    @Property(tries = 1000)
    void anyChangeToANameOrValueUnderCorsIsAChange(@ForAll("sources") List<Source> sources,
            @ForAll @IntRange(max = 1000) int which, @ForAll("changes") Change change) {
        List<Source> holding = sources.stream().filter(Source::holdsCors).toList();
        if (holding.isEmpty()) {
            return;
        }
        Source changed = holding.get(which % holding.size());
        List<String> corsNames = changed.entries.keySet().stream().filter(Source::isCors).toList();
        String name = corsNames.get(which % corsNames.size());
        List<Source> after = replace(sources, changed, change.apply(changed, name));
        assertThat(view(after)).as("%s %s in %s", change, name, changed.name).isNotEqualTo(view(sources));
    }

    @Property(tries = 500)
    void aSourceHoldingCorsNamesAddedOrRemovedIsAChange(@ForAll("sources") List<Source> sources,
            @ForAll("source") Source added, @ForAll @IntRange(max = 1000) int where) {
        if (!added.holdsCors() || sources.stream().anyMatch((source) -> source.name.equals(added.name))) {
            return;
        }
        List<Source> after = new ArrayList<>(sources);
        after.add(where % (sources.size() + 1), added);
        assertThat(view(after)).isNotEqualTo(view(sources));
        assertThat(view(sources)).isNotEqualTo(view(after));
    }

    @Property(tries = 500)
    void sourcesHoldingCorsNamesInAnotherOrderAreAChange(@ForAll("sources") List<Source> sources,
            @ForAll @IntRange(max = 1000) int first, @ForAll @IntRange(max = 1000) int second) {
        int i = first % sources.size();
        int j = second % sources.size();
        if (i == j || !sources.get(i).holdsCors() || !sources.get(j).holdsCors()) {
            return;
        }
        List<Source> after = new ArrayList<>(sources);
        after.set(i, sources.get(j));
        after.set(j, sources.get(i));
        assertThat(view(after)).isNotEqualTo(view(sources));
    }

    @Property(tries = 500)
    void aNameUnderCorsMovedToTheNextSourceIsAChange(@ForAll("sources") List<Source> sources,
            @ForAll @IntRange(max = 1000) int which) {
        int from = which % sources.size();
        Source source = sources.get(from);
        List<String> corsNames = source.entries.keySet().stream().filter(Source::isCors).toList();
        if (from + 1 == sources.size() || corsNames.isEmpty() || source.kind != sources.get(from + 1).kind) {
            return;
        }
        // The last name under cors of one source, moved first into the next: the same names in the same order.
        String name = corsNames.get(corsNames.size() - 1);
        Map<String, Object> left = new LinkedHashMap<>(source.entries);
        Map<String, Object> moved = new LinkedHashMap<>();
        moved.put(name, left.remove(name));
        sources.get(from + 1).entries.forEach(moved::putIfAbsent);
        List<Source> after = new ArrayList<>(sources);
        after.set(from, source.with(left));
        after.set(from + 1, sources.get(from + 1).with(moved));
        assertThat(view(after)).isNotEqualTo(view(sources));
    }

    @Test
    void sourcesWithTheSameNamesUnderCorsInAnotherOrderAreAChange() {
        // Spring Boot reads an indexed list from the first source that has one: the order decides which.
        Source first = new Source(Kind.MAP, "first", Map.of("cors.policies.api.paths[0]", "/api/**"));
        Source second = new Source(Kind.TRACKED, "second", Map.of("cors.policies.api.paths[0]", "/api/**"));
        assertThat(view(List.of(first, second))).isNotEqualTo(view(List.of(second, first)));
    }

    @Property(tries = 500)
    void changesOutsideCorsLeaveTheViewEqual(@ForAll("sources") List<Source> sources,
            @ForAll @IntRange(max = 1000) int which, @ForAll("otherNames") String name,
            @ForAll("values") String value) {
        Source changed = sources.get(which % sources.size());
        Map<String, Object> entries = new LinkedHashMap<>(changed.entries);
        entries.keySet().stream().filter((key) -> !Source.isCors(key)).findFirst().ifPresent(entries::remove);
        entries.replaceAll((key, old) -> Source.isCors(key) ? old : old + "-changed");
        entries.put(name, value + "${elsewhere}");
        List<Source> after = new ArrayList<>(replace(sources, changed, changed.with(entries)));
        after.add(which % (after.size() + 1), new Source(Kind.MAP, "other-source", Map.of(name, value)));
        assertThat(view(after)).isNotNull().isEqualTo(view(sources));
    }

    @Test
    void readsEnvironmentVariablesUnderCors() {
        Source variables = new Source(Kind.VARIABLES, "systemEnvironment",
                Map.of("CORS_POLICIES_API_ALLOWEDORIGINS_0", "https://a.example.com", "PATH", "/bin"));
        assertThat(view(List.of(variables))).isNotEqualTo(view(List.of(variables.with(
                Map.of("CORS_POLICIES_API_ALLOWEDORIGINS_0", "https://b.example.com", "PATH", "/bin")))));
        assertThat(view(List.of(variables))).isEqualTo(view(List.of(variables.with(
                Map.of("CORS_POLICIES_API_ALLOWEDORIGINS_0", "https://a.example.com", "PATH", "/usr/bin")))));
        assertThat(view(List.of(variables))).isNotEqualTo(view(List.of(variables.with(
                Map.of("CORS_POLICIES_API_ALLOWEDORIGINS_0", "https://a.example.com", "cors_enabled", "false")))));
    }

    @Test
    void readsEnvironmentVariablesUnderTheApplicationsPrefix() {
        Map<String, Object> variables = new HashMap<>(Map.of("MYAPP_CORS_ENABLED", "true", "PATH", "/bin"));
        StandardEnvironment environment = TestPropertySources.environment(List.of(TestPropertySources.variables(
                variables)));
        SpringApplication application = new SpringApplication(Object.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setEnvironment(environment);
        application.setEnvironmentPrefix("myapp");
        application.run().close();
        CorsPropertyView before = CorsPropertyView.of(environment);
        variables.put("MYAPP_CORS_ENABLED", "false");
        assertThat(CorsPropertyView.of(environment)).isNotNull().isNotEqualTo(before);
    }

    @Test
    void readsEveryFormSpringBootReadsUnderCors() {
        for (String name : List.of("cors.enabled", "cors[enabled]", "CORS.ENABLED", "Cors.Enabled", "cors", "CORS_ENABLED",
                "[cors].enabled", "c-o-r-s.enabled", ".cors.enabled")) {
            Source source = new Source(Kind.MAP, "application", Map.of(name, "true"));
            assertThat(view(List.of(source))).as(name)
                .isNotEqualTo(view(List.of(source.with(Map.of(name, "false")))));
        }
    }

    @Test
    void aPlaceholderUnderCorsChangesTheViewWithTheKeyItNames() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cors.policies.api.allowed-origins", "${origins}");
        values.put("cors.policies.api.paths", "/api/**");
        values.put("origins", "https://a.example.com");
        values.put("app.name", "orders");
        Source source = new Source(Kind.MAP, "application", values);
        Map<String, Object> otherOrigins = new LinkedHashMap<>(values);
        otherOrigins.put("origins", "https://b.example.com");
        Map<String, Object> otherName = new LinkedHashMap<>(values);
        otherName.put("app.name", "billing");
        assertThat(view(List.of(source))).isNotNull()
            .isNotEqualTo(view(List.of(source.with(otherOrigins))))
            .isEqualTo(view(List.of(source.with(otherName))));
    }

    @Test
    void aPlaceholderThatCannotBeResolvedLeavesNoView() {
        Source source = new Source(Kind.MAP, "application", Map.of("cors.policies.api.allowed-origins",
                "${cors.policies.api.allowed-origins}", "cors.policies.api.paths", "/api/**"));
        assertThat(view(List.of(source))).isNull();
    }

    @Test
    void aValueThatCouldChangeInPlaceLeavesNoView() {
        MapPropertySource source = new MapPropertySource("application",
                Map.of("cors.policies.api.allowed-origins", new ArrayList<>(List.of("https://a.example.com"))));
        assertThat(CorsPropertyView.of(TestPropertySources.environment(List.of(source)))).isNull();
    }

    @Test
    void aSourceThatCannotListItsNamesLeavesNoViewUnlessItNeverHoldsCors() {
        PropertySource<Object> unlisted = new PropertySource<>("jndiProperties", new Object()) {
            @Override
            public Object getProperty(String name) {
                return null;
            }
        };
        Source application = new Source(Kind.MAP, "application", Map.of("cors.enabled", "true"));
        StandardEnvironment environment = TestPropertySources.environment(List.of(application.propertySource(),
                new RandomValuePropertySource(), new PropertySource.StubPropertySource("servletContextInitParams")));
        ConfigurationPropertySources.attach(environment);
        assertThat(CorsPropertyView.of(environment)).isNotNull().isEqualTo(view(List.of(application)));
        environment.getPropertySources().addLast(unlisted);
        assertThat(CorsPropertyView.of(environment)).isNull();
    }

    private static List<Source> replace(List<Source> sources, Source old, Source replacement) {
        return sources.stream().map((source) -> (source == old) ? replacement : source).toList();
    }

    private static CorsPropertyView view(List<Source> sources) {
        return CorsPropertyView.of(
                TestPropertySources.environment(sources.stream().map(Source::propertySource).toList()));
    }

    @Provide
    Arbitrary<List<Source>> sources() {
        return source().list().ofMinSize(1).ofMaxSize(5).uniqueElements((source) -> source.name);
    }

    @Provide
    Arbitrary<Source> source() {
        Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
        Arbitrary<String> names = Arbitraries.of("application.yml", "config-server", "defaultProperties", "manager",
                "commandLineArgs", "systemProperties");
        return Combinators.combine(kinds, names, Arbitraries.integers().between(0, 3), Arbitraries.integers()
            .between(0, 3)).flatAs((kind, name, cors, other) -> {
                Arbitrary<String> corsNames = (kind == Kind.VARIABLES) ? variableNames() : corsNames();
                return Combinators.combine(corsNames.list().ofSize(cors).uniqueElements(),
                        otherNames().list().ofSize(other).uniqueElements(), values().list().ofSize(cors + other))
                    .as((corsList, otherList, values) -> {
                        Map<String, Object> entries = new LinkedHashMap<>();
                        List<String> all = new ArrayList<>(corsList);
                        all.addAll(otherList);
                        for (int i = 0; i < all.size(); i++) {
                            entries.put(all.get(i), values.get(i));
                        }
                        return new Source(kind, (kind == Kind.VARIABLES) ? name + "-systemEnvironment" : name,
                                entries);
                    });
            });
    }

    private static Arbitrary<String> corsNames() {
        Arbitrary<String> policies = Arbitraries.of("api", "partner-api", "public");
        Arbitrary<String> settings = Arbitraries.of("allowed-origins[0]", "allowed-origins[1]", "allowedOrigins[0]",
                "paths[0]", "max-age", "allow-credentials", "candidate.allowed-origins[0]");
        return Combinators.combine(policies, settings).as((policy, setting) -> "cors.policies." + policy + "." + setting)
;
    }

    private static Arbitrary<String> variableNames() {
        return Arbitraries.of("CORS_ENABLED", "CORS_POLICIES_API_PATHS_0", "CORS_POLICIES_API_ALLOWEDORIGINS_0",
                "CORS_DEFAULTS_MAXAGE", "cors_policies_api_maxage");
    }

    @Provide
    Arbitrary<String> otherNames() {
        return Arbitraries.of("server.port", "spring.application.name", "management.endpoints.web.exposure.include",
                "app.cors-origins", "corporate.name", "PATH", "HOME", "JAVA_HOME", "logging.level.io.corsboot");
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('/', '*', ':', '.').ofMaxLength(12);
    }

    @Provide
    Arbitrary<Change> changes() {
        return Arbitraries.of(Change.class);
    }

    /** A change to one name under cors in one source. */
    enum Change {

        VALUE, NAME, REMOVED, ADDED, MOVED;

        Source apply(Source source, String name) {
            Map<String, Object> entries = new LinkedHashMap<>(source.entries);
            switch (this) {
                case VALUE -> entries.put(name, entries.get(name) + "x");
                case NAME -> entries.put(name.replace("cors", "cors0").replace("CORS", "CORS0"), entries.remove(name));
                case REMOVED -> entries.remove(name);
                case ADDED -> entries.put((source.kind == Kind.VARIABLES) ? "CORS_ADDED" : "cors.added", "x");
                case MOVED -> {
                    return source.with(moved(entries, name));
                }
            }
            return source.with(entries);
        }

        /** The name moved last among the names under cors, or first where it is last already. */
        private static Map<String, Object> moved(Map<String, Object> entries, String name) {
            List<String> corsNames = entries.keySet().stream().filter(Source::isCors).toList();
            // Alone under cors, it cannot move among them: its value changes instead.
            Object value = (corsNames.size() < 2) ? entries.remove(name) + "x" : entries.remove(name);
            Map<String, Object> moved = new LinkedHashMap<>();
            if (corsNames.get(corsNames.size() - 1).equals(name)) {
                moved.put(name, value);
            }
            moved.putAll(entries);
            moved.putIfAbsent(name, value);
            return moved;
        }
    }

    enum Kind {

        MAP, TRACKED, VARIABLES

    }

    /** A property source as a test writes it; each call to propertySource() reads it afresh, as a refresh does. */
    record Source(Kind kind, String name, Map<String, Object> entries) {

        static boolean isCors(String name) {
            return name.toLowerCase().startsWith("cors");
        }

        boolean holdsCors() {
            return this.entries.keySet().stream().anyMatch(Source::isCors);
        }

        Source with(Map<String, Object> entries) {
            return new Source(this.kind, this.name, entries);
        }

        PropertySource<?> propertySource() {
            Map<String, Object> copy = new LinkedHashMap<>();
            this.entries.forEach((key, value) -> copy.put(new String(key),
                    (this.kind == Kind.TRACKED) ? OriginTrackedValue.of(new String(value.toString()))
                            : new String(value.toString())));
            return switch (this.kind) {
                case MAP -> new MapPropertySource(this.name, copy);
                case TRACKED -> new OriginTrackedMapPropertySource(this.name, copy);
                case VARIABLES -> new SystemEnvironmentPropertySource(this.name, copy);
            };
        }

        @Override
        public String toString() {
            return this.kind + " " + this.name + " " + this.entries;
        }
    }
}
