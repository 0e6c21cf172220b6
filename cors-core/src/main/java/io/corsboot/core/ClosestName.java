package io.corsboot.core;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The known name closest to a misspelt one, by Levenshtein distance: for "did you mean" in startup reports and the
 * endpoint's hints. Hand-written: neither Spring nor Guava offers an edit distance.
 *
 * @since 0.1.0
 */
public final class ClosestName {

    private ClosestName() {
    }

    /**
     * The known name closest to the unknown one, when it is a plausible typo.
     * @param unknown the name as written
     * @param known the names it may have meant
     * @return the closest known name, or null when none is a plausible typo
     */
    public static @Nullable String closest(String unknown, List<String> known) {
        return known.stream()
            .filter((candidate) -> distance(unknown, candidate) <= Math.max(2, candidate.length() / 3))
            .min(Comparator.comparingInt((String candidate) -> distance(unknown, candidate)))
            .orElse(null);
    }

    /**
     * The Levenshtein distance of two strings: how many insertions, deletions and substitutions of one character turn
     * one into the other.
     * @param a one string
     * @param b the other
     * @return the number of edits
     */
    public static int distance(String a, String b) {
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
