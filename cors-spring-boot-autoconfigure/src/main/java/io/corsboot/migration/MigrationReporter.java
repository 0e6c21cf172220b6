package io.corsboot.migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;

import io.corsboot.core.ConfigProblem;
import io.corsboot.migration.MigrationReport.ConfigurationReport;
import io.corsboot.migration.MigrationReport.NotCarriedOver;
import io.corsboot.migration.MigrationReport.Shadow;
import io.corsboot.migration.MigrationReport.SpringSettings;
import io.corsboot.migration.SpringCorsEntry.Kind;
import io.corsboot.web.PolicySnapshot;

/**
 * Builds the {@link MigrationReport}: translates each Spring CORS configuration into a policy, has the starter's own
 * validation say what it would refuse, leaves that out, and finds the policies in force that shadow it.
 *
 * @since 0.1.0
 */
public final class MigrationReporter {

    static final String PARTIAL_HEADER_GRANT = "A preflight that asks for a header not listed is rejected whole, "
            + "where Spring answers with the listed headers alone and the browser then fails the request: the same "
            + "outcome, reported earlier.";

    static final String NO_MAX_AGE = "Spring sends no Access-Control-Max-Age, so browsers cache a preflight for "
            + "5 seconds; the policy sends its max-age, 30 minutes unless cors.defaults says otherwise.";

    // Each round drops what the previous one refused; a refusal that outlives them drops the policy.
    private static final int CHECK_ROUNDS = 4;

    private final Supplier<List<SpringCorsEntry>> entries;

    private final Supplier<PolicySnapshot> snapshot;

    private final ConfigurationCheck check;

    /**
     * Creates the reporter.
     * @param entries the Spring CORS configurations, read on each report
     * @param snapshot the policies in force
     * @param check the starter's startup validation
     */
    public MigrationReporter(Supplier<List<SpringCorsEntry>> entries, Supplier<PolicySnapshot> snapshot,
            ConfigurationCheck check) {
        this.entries = entries;
        this.snapshot = snapshot;
        this.check = check;
    }

    /** The Spring CORS configurations that some policy shadows, each with where. */
    public List<ConfigurationReport> shadowed() {
        PolicySnapshot snapshot = this.snapshot.get();
        // Without policies nothing is shadowed, and Spring's configuration is not read.
        if (snapshot.policies().isEmpty()) {
            return List.of();
        }
        Shadows shadows = new Shadows(snapshot);
        List<ConfigurationReport> shadowed = new ArrayList<>();
        for (SpringCorsEntry entry : this.entries.get()) {
            List<Shadow> by = shadows.of(entry.paths());
            if (!by.isEmpty()) {
                shadowed.add(new ConfigurationReport(entry.kind(), entry.declaredBy(), entry.paths(),
                        settings(entry), by, null, null, List.of(), entry.unreadable()));
            }
        }
        return shadowed;
    }

    /** The report, of the application as it is now. */
    public MigrationReport report() {
        PolicySnapshot inForce = this.snapshot.get();
        Shadows shadows = new Shadows(inForce);
        // A name of a policy in force would merge the translation into that policy when pasted.
        Set<String> names = new HashSet<>();
        inForce.policies().forEach((policy) -> names.add(policy.spec().name()));
        // The handlers of one path (GET and POST of /orders) share a policy: two policies could not both have it.
        Map<List<Object>, TranslatedPolicy> byHandlersPath = new HashMap<>();
        List<Translation> translations = new ArrayList<>();
        for (SpringCorsEntry entry : this.entries.get()) {
            List<Shadow> by = shadows.of(entry.paths());
            List<NotCarriedOver> decided = decidedByPolicies(entry.paths(), by);
            List<String> carried = entry.paths().stream()
                .filter((path) -> decided.stream().noneMatch((notCarried) -> path.equals(notCarried.value())))
                .toList();
            translations.add(new Translation(entry, by, decided, translate(entry, carried, names, byHandlersPath)));
        }
        Map<String, List<NotCarriedOver>> refused = refuse(translations.stream().map(Translation::policy).toList());
        Set<TranslatedPolicy> written = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ConfigurationReport> reports = new ArrayList<>();
        StringBuilder yaml = new StringBuilder();
        for (Translation translation : translations) {
            SpringCorsEntry entry = translation.entry();
            TranslatedPolicy policy = translation.policy();
            List<NotCarriedOver> notCarried = new ArrayList<>(translation.decidedByPolicies());
            String policyYaml = null;
            String name = null;
            if (policy != null) {
                notCarried.addAll(refused.getOrDefault(policy.name(), List.of()));
                notCarried.addAll(differences(policy, entry));
                if (!policy.isDropped()) {
                    name = policy.name();
                    policyYaml = "cors:\n  policies:\n" + policy.yaml();
                    if (written.add(policy)) {
                        yaml.append(policy.yaml());
                    }
                }
            }
            reports.add(new ConfigurationReport(entry.kind(), entry.declaredBy(), entry.paths(), settings(entry),
                    translation.shadowedBy(), name, policyYaml, notCarried, entry.unreadable()));
        }
        int shadowed = (int) translations.stream().filter((translation) -> !translation.shadowedBy().isEmpty()).count();
        return new MigrationReport(shadowed, reports, yaml.isEmpty() ? "" : "cors:\n  policies:\n" + yaml);
    }

    /**
     * The policy that carries a configuration over on these paths, or null when there is none: a new one, or the one
     * another handler of the same path already has, with this handler's methods added.
     */
    private static @Nullable TranslatedPolicy translate(SpringCorsEntry entry, List<String> paths, Set<String> names,
            Map<List<Object>, TranslatedPolicy> byHandlersPath) {
        CorsConfiguration configuration = entry.configuration();
        if (configuration == null || paths.isEmpty()) {
            return null;
        }
        if (entry.kind() != Kind.CROSS_ORIGIN) {
            return TranslatedPolicy.of(unique(name(entry), names), paths, configuration);
        }
        TranslatedPolicy samePath = byHandlersPath.get(samePathKey(entry, configuration));
        if (samePath != null) {
            samePath.addMethods(configuration.getAllowedMethods());
            return samePath;
        }
        TranslatedPolicy policy = TranslatedPolicy.of(unique(name(entry), names), paths, configuration);
        byHandlersPath.put(samePathKey(entry, configuration), policy);
        return policy;
    }

    /**
     * The paths on which a policy in force decides on the whole pattern, each as not carried over. Spring's
     * configuration has not applied there since that policy came, and a policy for the pattern would take it from
     * that policy.
     */
    private static List<NotCarriedOver> decidedByPolicies(List<String> paths, List<Shadow> by) {
        List<NotCarriedOver> decided = new ArrayList<>();
        for (String path : paths) {
            by.stream()
                .filter((shadow) -> shadow.paths().contains(path))
                .findFirst()
                .ifPresent((whole) -> decided.add(new NotCarriedOver("cors.policies." + whole.policy() + ".paths",
                        path, "Policy '" + whole.policy() + "' decides on " + path + ", where this configuration no "
                                + "longer applies: carried over, it would take the path from that policy.")));
        }
        return decided;
    }

    /** One Spring configuration on its way to the report. */
    private record Translation(SpringCorsEntry entry, List<Shadow> shadowedBy, List<NotCarriedOver> decidedByPolicies,
            @Nullable TranslatedPolicy policy) {
    }

    private static @Nullable SpringSettings settings(SpringCorsEntry entry) {
        CorsConfiguration configuration = entry.configuration();
        return (configuration != null) ? SpringSettings.of(configuration) : null;
    }

    /**
     * Checks every translated policy together, as one configuration, and drops what the check refuses, round after
     * round, until it starts: each refusal is kept in the check's words.
     */
    private Map<String, List<NotCarriedOver>> refuse(List<@Nullable TranslatedPolicy> entries) {
        Set<TranslatedPolicy> translated = Collections.newSetFromMap(new IdentityHashMap<>());
        entries.forEach((policy) -> {
            if (policy != null) {
                translated.add(policy);
            }
        });
        Map<String, List<NotCarriedOver>> refused = new LinkedHashMap<>();
        for (int round = 0; round <= CHECK_ROUNDS; round++) {
            Map<String, String> properties = new LinkedHashMap<>();
            translated.forEach((policy) -> {
                if (!policy.isDropped()) {
                    policy.properties(properties);
                }
            });
            if (properties.isEmpty()) {
                break;
            }
            List<ConfigProblem> errors = this.check.errors(properties);
            boolean dropped = false;
            for (ConfigProblem error : errors) {
                for (TranslatedPolicy policy : translated) {
                    if (!policy.isDropped() && policy.owns(error.property())) {
                        refused.computeIfAbsent(policy.name(), (name) -> new ArrayList<>())
                            .add(new NotCarriedOver(error.property(), error.value(), error.describe()));
                        if (round == CHECK_ROUNDS) {
                            policy.drop();
                        }
                        else {
                            policy.refuse(error.property());
                        }
                        dropped = true;
                    }
                }
            }
            translated.forEach(TranslatedPolicy::removeRefused);
            if (!dropped) {
                break;
            }
        }
        return refused;
    }

    private static List<NotCarriedOver> differences(TranslatedPolicy policy, SpringCorsEntry entry) {
        CorsConfiguration configuration = entry.configuration();
        List<NotCarriedOver> differences = new ArrayList<>();
        if (configuration == null || policy.isDropped()) {
            return differences;
        }
        List<String> headers = configuration.getAllowedHeaders();
        if (headers != null && !headers.isEmpty() && !headers.contains(CorsConfiguration.ALL)) {
            differences.add(new NotCarriedOver(policy.property("allowed-headers"), null, PARTIAL_HEADER_GRANT));
        }
        if (configuration.getMaxAge() == null) {
            differences.add(new NotCarriedOver(policy.property("max-age"), null, NO_MAX_AGE));
        }
        return differences;
    }

    // Handlers whose configurations differ only by their methods, which are those the handlers map.
    private static List<Object> samePathKey(SpringCorsEntry entry, CorsConfiguration configuration) {
        SpringSettings settings = SpringSettings.of(configuration);
        return List.of(entry.paths(), settings.allowedOrigins(), settings.allowedOriginPatterns(),
                settings.allowedHeaders(), settings.exposedHeaders(), String.valueOf(settings.allowCredentials()),
                String.valueOf(settings.allowPrivateNetwork()), String.valueOf(settings.maxAgeSeconds()));
    }

    /** A policy name that says where the configuration is declared. */
    static String name(SpringCorsEntry entry) {
        return switch (entry.kind()) {
            case CROSS_ORIGIN -> kebab(simpleName(entry.declaredBy()));
            case ACTUATOR -> "actuator";
            case CORS_MAPPING -> kebab(String.join("-", entry.paths()));
            case GATEWAY_GLOBAL_CORS -> kebab("globalcors-" + String.join("-", entry.paths()));
            case GATEWAY_ROUTE_CORS -> kebab(entry.declaredBy().substring(0, entry.declaredBy().indexOf(',')));
            default -> kebab(entry.declaredBy().replaceFirst("^bean ", "") + "-" + String.join("-", entry.paths()));
        };
    }

    // com.example.OrderController#orders -> OrderController-orders
    private static String simpleName(String declaredBy) {
        int hash = declaredBy.indexOf('#');
        String type = (hash >= 0) ? declaredBy.substring(0, hash) : declaredBy;
        String simple = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        return (hash >= 0) ? simple + "-" + declaredBy.substring(hash + 1) : simple;
    }

    // Letters, digits and single hyphens, the names that every property source, environment variables aside, binds
    // as written.
    static String kebab(String text) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(text.charAt(i - 1))) {
                name.append('-');
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                name.append(Character.toLowerCase(c));
            }
            else if (!name.isEmpty() && name.charAt(name.length() - 1) != '-') {
                name.append('-');
            }
        }
        String kebab = name.toString().replaceAll("-+$", "");
        return kebab.isEmpty() ? "all" : kebab.toLowerCase(Locale.ROOT);
    }

    private static String unique(String name, Set<String> names) {
        String unique = name;
        for (int n = 2; !names.add(unique); n++) {
            unique = name + "-" + n;
        }
        return unique;
    }
}
