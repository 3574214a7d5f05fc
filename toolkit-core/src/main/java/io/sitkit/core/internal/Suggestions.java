package io.sitkit.core.internal;

import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for misspelt keys and words: the known word nearest by edit distance (ignoring
 * case), offered only when it is near enough to be a likely typo, else a known word the given one
 * begins (a word cut short).
 *
 * <pre>{@code
 * Suggestions.didYouMean("listn", List.of("name", "listen"));   // " (did you mean 'listen'?)"
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** {@code " (did you mean 'listen'?)"}, or {@code ""} when nothing is near. */
    public static String didYouMean(String word, List<String> known) {
        String best = nearest(word, known);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The nearest known word within a typo's distance, or null. */
    public static String nearest(String word, List<String> known) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(2, Math.min(w.length(), best.length()) / 3)) {
            return best;
        }
        // a word cut short: "greater" for "greaterThan"
        return w.length() < 4 ? null : known.stream().filter(k -> k.toLowerCase(Locale.ROOT).startsWith(w)).findFirst().orElse(null);
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
