package io.corsboot.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.OriginParser.LabelWildcard;
import io.corsboot.core.OriginParser.OriginPattern;

/**
 * The origins one policy allows, compiled for lookups that allocate nothing: exact origins in a hash set, patterns
 * in a tree of host labels walked from the last label to the first (after jub0bs/cors, {@code internal/origins}).
 */
final class OriginMatcher {

    private final boolean anyOrigin;

    private final Set<String> exact;

    private final Set<String>[] suppliedExact;

    private final @Nullable Node http;

    private final @Nullable Node https;

    /**
     * Creates a matcher. The sets of origins supplied by the application are shared by reference: a policy with
     * 50,000 supplied origins is recompiled without copying them.
     */
    @SuppressWarnings("unchecked")
    OriginMatcher(boolean anyOrigin, Collection<String> exact, List<Set<String>> suppliedExact,
            List<OriginPattern> patterns) {
        boolean any = anyOrigin;
        Builder http = new Builder();
        Builder https = new Builder();
        for (OriginPattern pattern : patterns) {
            if ("*".equals(pattern.scheme())) {
                any = true;
            }
            else {
                ("http".equals(pattern.scheme()) ? http : https).add(pattern);
            }
        }
        this.anyOrigin = any;
        this.exact = Set.copyOf(exact);
        this.suppliedExact = suppliedExact.toArray(new Set[0]);
        this.http = http.build();
        this.https = https.build();
    }

    boolean allowsAnyOrigin() {
        return this.anyOrigin;
    }

    /** Whether the policy allows this {@code Origin} header value; malformed values are never allowed. */
    boolean allows(String origin) {
        // Exact origins are stored serialised, as browsers send them, so equality is the whole check.
        if (this.exact.contains(origin)) {
            return true;
        }
        for (Set<String> supplied : this.suppliedExact) {
            if (supplied.contains(origin)) {
                return true;
            }
        }
        if (!this.anyOrigin && this.http == null && this.https == null) {
            return false;
        }
        long parsed = RequestOrigin.parse(origin);
        if (parsed == RequestOrigin.MALFORMED) {
            return this.anyOrigin && "null".equals(origin);
        }
        if (this.anyOrigin) {
            return true;
        }
        if (!RequestOrigin.isHttp(origin, parsed)) {
            return false;
        }
        Node root = (RequestOrigin.schemeEnd(parsed) == 4) ? this.http : this.https;
        return root != null && root.matches(origin, RequestOrigin.hostStart(parsed), RequestOrigin.hostEnd(parsed),
                RequestOrigin.port(parsed));
    }

    /**
     * One host label's node: the patterns that end at it, and the labels that may come before it, named or matched by
     * a label with a {@code *} inside it.
     */
    private static final class Node {

        private final String[] labels;

        private final Node[] children;

        private final @Nullable Ports host;

        private final @Nullable Ports subdomains;

        private final LabelRule @Nullable [] labelRules;

        private Node(String[] labels, Node[] children, @Nullable Ports host, @Nullable Ports subdomains,
                LabelRule @Nullable [] labelRules) {
            this.labels = labels;
            this.children = children;
            this.host = host;
            this.subdomains = subdomains;
            this.labelRules = labelRules;
        }

        /** Precondition: the root node; the host is {@code origin[start, end)}. */
        boolean matches(String origin, int start, int end, int port) {
            if (this.subdomains != null && this.subdomains.allows(port)) {
                return true;
            }
            Node node = this;
            int labelEnd = end;
            while (true) {
                int dot = origin.lastIndexOf('.', labelEnd - 1);
                int labelStart = (dot >= start) ? dot + 1 : start;
                if (labelStart == start && node.matchesLeftmostLabel(origin, start, labelEnd, port)) {
                    return true;
                }
                node = node.child(origin, labelStart, labelEnd);
                if (node == null) {
                    return false;
                }
                if (labelStart == start) {
                    return node.host != null && node.host.allows(port);
                }
                if (node.subdomains != null && node.subdomains.allows(port)) {
                    return true;
                }
                labelEnd = dot;
            }
        }

        private boolean matchesLeftmostLabel(String origin, int start, int end, int port) {
            if (this.labelRules == null) {
                return false;
            }
            for (LabelRule rule : this.labelRules) {
                if (rule.label().matches(origin, start, end) && rule.ports().allows(port)) {
                    return true;
                }
            }
            return false;
        }

        private @Nullable Node child(String origin, int start, int end) {
            int low = 0;
            int high = this.labels.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int comparison = compare(this.labels[middle], origin, start, end);
                if (comparison < 0) {
                    low = middle + 1;
                }
                else if (comparison > 0) {
                    high = middle - 1;
                }
                else {
                    return this.children[middle];
                }
            }
            return null;
        }

        private static int compare(String label, String origin, int start, int end) {
            int length = Math.min(label.length(), end - start);
            for (int i = 0; i < length; i++) {
                int difference = label.charAt(i) - origin.charAt(start + i);
                if (difference != 0) {
                    return difference;
                }
            }
            return label.length() - (end - start);
        }
    }

    /** The ports a pattern allows, the scheme's default included; {@code ports == null} allows any. */
    private record Ports(int @Nullable [] ports) {

        /** Whether the ports include the given one, by binary search in the sorted array. */
        boolean allows(int port) {
            return this.ports == null || Arrays.binarySearch(this.ports, port) >= 0;
        }

        Ports union(@Nullable Ports other) {
            if (other == null) {
                return this;
            }
            if (this.ports == null || other.ports == null) {
                return new Ports(null);
            }
            return new Ports(IntStream.concat(Arrays.stream(this.ports), Arrays.stream(other.ports))
                    .distinct().sorted().toArray());
        }
    }

    /** A leftmost label with a {@code *} inside it, and the ports its pattern allows. */
    private record LabelRule(LabelWildcard label, Ports ports) {
    }

    /** Mutable tree used while compiling; {@link #build()} freezes it into sorted arrays. */
    private static final class Builder {

        private final TreeMap<String, Builder> children = new TreeMap<>();

        private @Nullable Ports host;

        private @Nullable Ports subdomains;

        private final List<LabelRule> labelRules = new ArrayList<>();

        private boolean empty = true;

        void add(OriginPattern pattern) {
            this.empty = false;
            Ports ports = new Ports(pattern.ports());
            Builder node = this;
            if (pattern.host() != null) {
                List<String> labels = new ArrayList<>(List.of(pattern.host().split("\\.")));
                for (int i = labels.size() - 1; i >= 0; i--) {
                    node = node.children.computeIfAbsent(labels.get(i), (label) -> new Builder());
                }
            }
            if (pattern.label() != null) {
                node.labelRules.add(new LabelRule(pattern.label(), ports));
            }
            else if (pattern.host() == null || pattern.subdomains()) {
                node.subdomains = ports.union(node.subdomains);
            }
            else {
                node.host = ports.union(node.host);
            }
        }

        @Nullable Node build() {
            return this.empty ? null : freeze();
        }

        private Node freeze() {
            String[] labels = this.children.keySet().toArray(new String[0]);
            Node[] nodes = this.children.values().stream().map(Builder::freeze).toArray(Node[]::new);
            return new Node(labels, nodes, this.host, this.subdomains,
                    this.labelRules.isEmpty() ? null : this.labelRules.toArray(new LabelRule[0]));
        }
    }
}
