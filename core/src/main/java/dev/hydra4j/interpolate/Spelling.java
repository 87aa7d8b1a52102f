package dev.hydra4j.interpolate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Did-you-mean: the candidates closest to a misspelt key or resolver name. */
final class Spelling {

  private Spelling() {}

  /** Candidates within a small edit distance of {@code wrong}, closest first (at most 3). */
  static List<String> closest(String wrong, Collection<String> candidates) {
    int limit = Math.max(2, wrong.length() / 3);
    List<String> found = new ArrayList<>();
    List<Integer> distances = new ArrayList<>();
    for (String candidate : candidates) {
      int d = distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d <= limit) {
        int at = 0;
        while (at < distances.size() && distances.get(at) <= d) {
          at++;
        }
        found.add(at, candidate);
        distances.add(at, d);
      }
    }
    return found.size() > 3 ? found.subList(0, 3) : found;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, swaps. */
  static int distance(String a, String b) {
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
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
