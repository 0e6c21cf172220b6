package io.corsboot.web;

import java.util.ArrayList;
import java.util.List;

import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.HeaderWriter;
import io.corsboot.core.RecordedHeaders;

/**
 * Merging of {@code Vary} lines. CORS writes one token a line, because Spring's own CORS processors look for
 * {@code Origin} line by line and would otherwise add it a second time.
 *
 * @since 0.1.0
 */
public final class Vary {

    public static final String HEADER = "Vary";

    private Vary() {
    }

    /** Whether some line lists the token, compared case-insensitively. */
    public static boolean contains(Iterable<String> lines, String token) {
        for (String line : lines) {
            if (lineContains(line, token)) {
                return true;
            }
        }
        return false;
    }

    // Scanned in place: hand-written because split and strip allocate an array and a string per element.
    private static boolean lineContains(String line, String token) {
        int length = line.length();
        int start = 0;
        while (start <= length) {
            int comma = line.indexOf(',', start);
            int end = (comma >= 0) ? comma : length;
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(line.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
                to--;
            }
            if (to - from == token.length() && line.regionMatches(true, from, token, 0, token.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * The lines of a response whose {@code Vary} may have been replaced after CORS added its tokens: when any of
     * {@code ours} is missing from {@code lines}, ours come first, as if the replacement had been merged into them.
     * One token a line, none twice.
     */
    public static List<String> merge(List<String> ours, List<String> lines) {
        for (String token : ours) {
            if (!contains(lines, token)) {
                List<String> merged = new ArrayList<>(ours);
                merged.addAll(lines);
                return tokens(merged);
            }
        }
        return tokens(lines);
    }

    /**
     * The tokens a decision adds to {@code Vary}. Asked again when needed rather than kept per request, since an
     * application rarely replaces {@code Vary} and every request would pay for a list.
     */
    public static List<String> tokensOf(Decision decision, CorsRequest request) {
        RecordedHeaders headers = new RecordedHeaders();
        HeaderWriter.write(decision, request, headers);
        return headers.vary();
    }

    /** The tokens of some lines that no line of a response lists yet, first spelling kept, none twice. */
    public static List<String> missing(Iterable<String> present, List<String> lines) {
        List<String> missing = tokens(lines);
        missing.removeIf((token) -> contains(present, token));
        return missing;
    }

    /** The tokens of all lines, first spelling kept, none twice. */
    public static List<String> tokens(Iterable<String> lines) {
        List<String> tokens = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",")) {
                String token = element.strip();
                if (!token.isEmpty() && !contains(tokens, token)) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }
}
