package io.corsboot.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.migration.MigrationReport.Shadow;
import io.corsboot.web.PolicyRoutes;
import io.corsboot.web.PolicySnapshot;

/**
 * Which policies decide on a Spring CORS configuration's paths. The policies' routes answer, as they answer the
 * filters, for a path each pattern matches: one a configuration's pattern stands for, and one each policy's pattern
 * stands for that the configuration's also matches.
 */
final class Shadows {

    private final PolicySnapshot snapshot;

    private final List<String> hosts;

    Shadows(PolicySnapshot snapshot) {
        this.snapshot = snapshot;
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add("");
        for (CompiledPolicy policy : snapshot.policies()) {
            for (String host : policy.spec().hosts().value()) {
                hosts.add(host.startsWith("*.") ? "x" + host.substring(1) : host);
            }
        }
        this.hosts = List.copyOf(hosts);
    }

    /** The policies that decide on some of these path patterns, each with the patterns where it does. */
    List<Shadow> of(List<String> paths) {
        Map<String, Set<String>> shadowed = new LinkedHashMap<>();
        for (String path : paths) {
            PathPattern pattern = parse(path);
            if (pattern == null) {
                continue;
            }
            shadow(shadowed, pattern, example(path), path);
            for (CompiledPolicy policy : this.snapshot.policies()) {
                for (String policyPath : policy.spec().paths().value()) {
                    String example = example(policyPath);
                    if (pattern.matches(PathContainer.parsePath(example))) {
                        shadow(shadowed, pattern, example, policyPath);
                    }
                }
            }
        }
        List<Shadow> shadows = new ArrayList<>();
        shadowed.forEach((policy, where) -> shadows.add(new Shadow(policy, List.copyOf(where))));
        return shadows;
    }

    // Where the policy that covers the example covers the whole configuration's pattern, the pattern is shadowed
    // whole; otherwise on the pattern the example stands for.
    private void shadow(Map<String, Set<String>> shadowed, PathPattern pattern, String example, String standsFor) {
        PolicyRoutes routes = this.snapshot.routes();
        PathContainer path = PathContainer.parsePath(example);
        for (String host : this.hosts) {
            CompiledPolicy policy = routes.policyFor(example, path, host);
            if (policy == null) {
                continue;
            }
            String patternExample = example(pattern.getPatternString());
            boolean whole = policy.spec().paths().value().stream()
                .map(Shadows::parse)
                .anyMatch((own) -> own != null && own.matches(PathContainer.parsePath(patternExample)));
            shadowed.computeIfAbsent(policy.name(), (name) -> new LinkedHashSet<>())
                .add(whole ? pattern.getPatternString() : standsFor);
        }
    }

    private static @Nullable PathPattern parse(String path) {
        try {
            return PathPatternParser.defaultInstance.parse(path);
        }
        catch (PatternParseException ex) {
            return null;
        }
    }

    /** A path that a pattern matches when its variables and wildcards stand for one segment, "x". */
    static String example(String pattern) {
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int end = pattern.indexOf('}', i);
                path.append('x');
                i = (end < 0) ? pattern.length() : end + 1;
            }
            else if (c == '*' || c == '?') {
                path.append('x');
                while (i < pattern.length() && pattern.charAt(i) == '*') {
                    i++;
                }
                if (c == '?') {
                    i++;
                }
            }
            else {
                path.append(c);
                i++;
            }
        }
        return path.toString();
    }
}
