package io.corsboot.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.corsboot.web.PolicyRoutes.Route;

/**
 * The routes that a path may match, found by the path's first segment: the routes whose literal beginning starts
 * with that segment, and those whose pattern begins with a variable part, in route order.
 * <p>
 * Hand-written, an open-addressing table probed with the characters of the raw path: trying every route's beginning
 * and then every pattern costs each request time in proportion to the number of policies, and a {@code HashMap}
 * would need the segment as a new string on every request.
 * A few routes are tried in turn: hashing the segment costs more than reading their beginnings.
 */
final class RouteIndex {

    // Up to this many routes, every path gets them all.
    private static final int SCANNED = 4;

    private final Route[] all;

    private final Route[] unindexed;

    private final String[] segments;

    private final Route[][] candidates;

    private final int mask;

    RouteIndex(Route[] routes) {
        this.all = routes;
        Map<String, List<Integer>> bySegment = new LinkedHashMap<>();
        List<Integer> withoutSegment = new ArrayList<>();
        for (int i = 0; i < routes.length; i++) {
            String segment = firstSegment(routes[i].prefix());
            if (segment.isEmpty()) {
                withoutSegment.add(i);
            }
            else {
                List<Integer> indexes = bySegment.get(segment);
                if (indexes == null) {
                    indexes = new ArrayList<>();
                    bySegment.put(segment, indexes);
                }
                indexes.add(i);
            }
        }
        this.unindexed = select(routes, withoutSegment);
        int size = Integer.highestOneBit(Math.max(1, bySegment.size()) * 2) * 2;
        this.mask = size - 1;
        this.segments = new String[size];
        this.candidates = new Route[size][];
        for (Map.Entry<String, List<Integer>> entry : bySegment.entrySet()) {
            String segment = entry.getKey();
            List<Integer> merged = new ArrayList<>(entry.getValue());
            merged.addAll(withoutSegment);
            merged.sort(null);
            int slot = segment.hashCode() & this.mask;
            while (this.segments[slot] != null) {
                slot = (slot + 1) & this.mask;
            }
            this.segments[slot] = segment;
            this.candidates[slot] = select(routes, merged);
        }
    }

    /**
     * The routes to try for a raw path within the application, in route order; only for a {@link #isLiteral literal}
     * path, since the first segment of any other may read differently once decoded.
     */
    Route[] candidatesFor(String rawPath) {
        if (this.all.length <= SCANNED) {
            return this.all;
        }
        if (!rawPath.startsWith("/")) {
            return this.unindexed;
        }
        int end = rawPath.indexOf('/', 1);
        if (end < 0) {
            end = rawPath.length();
        }
        int length = end - 1;
        int hash = 0;
        for (int i = 1; i < end; i++) {
            hash = 31 * hash + rawPath.charAt(i);
        }
        for (int slot = hash & this.mask; this.segments[slot] != null; slot = (slot + 1) & this.mask) {
            String segment = this.segments[slot];
            if (segment.length() == length && rawPath.regionMatches(1, segment, 0, length)) {
                return this.candidates[slot];
            }
        }
        return this.unindexed;
    }

    /**
     * Whether a raw path reads as PathPattern compares it: encoded characters and path parameters are compared decoded
     * and without parameters, so that for such a path only a full match decides.
     */
    static boolean isLiteral(String rawPath) {
        return rawPath.indexOf('%') < 0 && rawPath.indexOf(';') < 0;
    }

    // "/api/v1" gives "api"; an empty beginning gives "".
    private static String firstSegment(String prefix) {
        if (prefix.isEmpty()) {
            return "";
        }
        int end = prefix.indexOf('/', 1);
        return prefix.substring(1, (end < 0) ? prefix.length() : end);
    }

    private static Route[] select(Route[] routes, List<Integer> indexes) {
        Route[] selected = new Route[indexes.size()];
        for (int i = 0; i < selected.length; i++) {
            selected[i] = routes[indexes.get(i)];
        }
        return selected;
    }
}
