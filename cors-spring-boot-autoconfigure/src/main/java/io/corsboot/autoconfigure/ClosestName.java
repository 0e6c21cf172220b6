package io.corsboot.autoconfigure;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The known name closest to a misspelt one, by Levenshtein distance. Hand-written: neither Spring nor Guava offers
 * an edit distance.
 */
final class ClosestName {

    private ClosestName() {
    }

    /** The known name closest to the unknown one, when it is a plausible typo, else null. */
    static @Nullable String closest(String unknown, List<String> known) {
        return known.stream()
            .filter((candidate) -> distance(unknown, candidate) <= Math.max(2, candidate.length() / 3))
            .min(Comparator.comparingInt((String candidate) -> distance(unknown, candidate)))
            .orElse(null);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
