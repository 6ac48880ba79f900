package io.github.cratesrelease.spec;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * The closest candidate, or null when none is close. Edit distance, with credit for a shared prefix (a key
     * typed halfway or misspelt at its end is still recognised: 'registy' is 'registries', not 'redist').
     */
    public static String closest(String word, Collection<String> candidates) {
        if (word == null || word.isEmpty()) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        double bestScore = Double.MAX_VALUE;
        for (String c : candidates) {
            if (c.isEmpty()) {
                continue;
            }
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(w, lc);
            int prefix = 0;
            while (prefix < Math.min(w.length(), lc.length()) && w.charAt(prefix) == lc.charAt(prefix)) {
                prefix++;
            }
            boolean close = d <= Math.max(1, Math.min(3, w.length() / 3)) || prefix >= 4 && d <= w.length() / 2 + 1;
            double score = d - prefix * 0.5;
            if (close && score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** Damerau-Levenshtein (optimal string alignment) distance. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
