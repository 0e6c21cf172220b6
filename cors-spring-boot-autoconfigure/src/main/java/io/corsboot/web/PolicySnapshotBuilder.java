package io.corsboot.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.CorsConfigurationException;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.HostPattern;
import io.corsboot.core.PolicyCompiler;
import io.corsboot.core.Setting;
import io.corsboot.core.SuppliedOrigins;

/**
 * Builds a {@link PolicySnapshot}: compiles each policy, or takes it from the snapshot being replaced when its spec and
 * supplied origins are unchanged, checks the path patterns, and throws one exception with every
 * error.
 */
final class PolicySnapshotBuilder {

    private PolicySnapshotBuilder() {
    }

    static PolicySnapshot build(List<CorsPolicySpec> specs, List<ConfigProblem> bindingProblems,
            PolicyCompiler compiler, Map<String, List<SuppliedOrigins>> supplied, PolicySnapshot previous,
            @Nullable List<ConfigProblem> refused, Map<String, PendingSupplier> pending) {
        List<ConfigProblem> problems = new ArrayList<>(bindingProblems);
        List<PolicyRoutes.Route> routes = new ArrayList<>();
        Map<String, List<Owner>> patternOwners = new HashMap<>();
        // By name, so that the report, and which of two policies a duplicate pattern is blamed on, never depend
        // on the order a property source happens to keep.
        Map<String, CorsPolicySpec> byName = new TreeMap<>();
        for (CorsPolicySpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        Map<String, Compiled> compiled = new HashMap<>();
        for (CorsPolicySpec spec : byName.values()) {
            List<SuppliedOrigins> origins = supplied.getOrDefault(spec.name(), List.of());
            Compiled old = previous.compiled().get(spec.name());
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
            List<HostPattern> hosts = hosts(spec.hosts(), problems);
            for (int i = 0; i < paths.value().size(); i++) {
                String path = paths.value().get(i);
                PathPattern pattern = parse(path, paths.element(i), problems);
                if (pattern == null) {
                    continue;
                }
                String shape = withoutCaptureNames(pattern);
                List<Owner> owners = patternOwners.get(shape);
                if (owners == null) {
                    owners = new ArrayList<>();
                    patternOwners.put(shape, owners);
                }
                for (Owner owner : owners) {
                    if (!owner.policy().equals(spec.name()) && owner.overlaps(hosts)) {
                        problems.add(new ConfigProblem(Code.DUPLICATE_PATH_PATTERN, paths.element(i), path,
                                "\"" + path + "\" is also a path of policy '" + owner.policy() + "'"
                                        + (hosts.isEmpty() ? "" : " for some of the same hosts")
                                        + ", so which one applies would be unclear.",
                                "Keep the pattern in one policy, make one of them more specific, or give them "
                                        + "hosts that do not overlap."));
                        break;
                    }
                }
                owners.add(new Owner(spec.name(), hosts));
                routes.add(new PolicyRoutes.Route(pattern, policy, hosts));
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
        Set<ConfigProblem> distinct = new LinkedHashSet<>(problems);
        List<ConfigProblem> errors = withSeverity(distinct, true);
        if (!errors.isEmpty()) {
            throw new CorsConfigurationException(errors);
        }
        return new PolicySnapshot(new PolicyRoutes(routes), withSeverity(distinct, false), List.copyOf(specs),
                withSeverity(bindingProblems, false), supplied, Map.copyOf(compiled), refused, pending);
    }

    // The errors among problems, or the warnings.
    private static List<ConfigProblem> withSeverity(Collection<ConfigProblem> problems, boolean errors) {
        List<ConfigProblem> selected = new ArrayList<>();
        for (ConfigProblem problem : problems) {
            if (problem.isError() == errors) {
                selected.add(problem);
            }
        }
        return List.copyOf(selected);
    }

    private static ConfigProblem unknownPolicy(String property, String policy, SuppliedOrigins origins) {
        return new ConfigProblem(Code.SUPPLIER_POLICY_UNKNOWN, property, null,
                "Policy '" + policy + "' is not configured, so the origins that " + origins.supplier()
                        + " supplies for it are ignored.",
                "Configure the policy with its paths, such as " + property
                        + ".paths=/api/**, or correct the name the supplier gives.");
    }

    // A policy's hosts, each invalid one reported; an empty list covers every host.
    private static List<HostPattern> hosts(Setting<List<String>> hosts, List<ConfigProblem> problems) {
        List<HostPattern> parsed = new ArrayList<>();
        for (Setting<String> element : Setting.elements(hosts)) {
            HostPattern host = HostPattern.parse(element.value());
            if (host != null) {
                parsed.add(host);
            }
            else {
                problems.add(new ConfigProblem(Code.INVALID_HOST, element.property(), element.value(),
                        "\"" + element.value() + "\" is neither a host name nor \"*.\" and a domain, so "
                                + "it matches no request's host.",
                        "Write a host name without scheme, port or path, such as \"api.example.com\", or \"*.\" and "
                                + "a domain, such as \"*.tenants.example.com\"."));
            }
        }
        return List.copyOf(parsed);
    }

    /** A policy that routes a path pattern, for some hosts or, when none are named, for every host. */
    private record Owner(String policy, List<HostPattern> hosts) {

        // Two policies may share a pattern only for hosts that no request can have at once.
        boolean overlaps(List<HostPattern> others) {
            if (this.hosts.isEmpty() || others.isEmpty()) {
                return this.hosts.isEmpty() && others.isEmpty();
            }
            return this.hosts.stream().anyMatch((host) -> others.stream().anyMatch(host::overlaps));
        }
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

    /** One policy as compiled, with what it was compiled from and the problems compiling it found. */
    record Compiled(CorsPolicySpec spec, List<SuppliedOrigins> supplied, CompiledPolicy policy,
            List<ConfigProblem> problems) {

        static Compiled of(CorsPolicySpec spec, List<SuppliedOrigins> supplied, PolicyCompiler compiler) {
            List<ConfigProblem> problems = new ArrayList<>();
            CompiledPolicy policy = compiler.compile(spec, supplied, problems);
            return new Compiled(spec, supplied, policy, List.copyOf(problems));
        }
    }
}
