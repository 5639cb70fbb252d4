package gradus.interp;

import java.util.Collection;

/** "did you mean" hints: the nearest known name by edit distance. */
final class Suggest {
  private Suggest() {}

  static String hint(String name, Collection<String> known) {
    String best = nearest(name, known);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  static String nearest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(), k.toLowerCase());
      if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
        bestDistance = d;
        best = k;
      }
    }
    int limit = name.length() <= 2 ? 0 : name.length() <= 5 ? 1 : 2;
    return bestDistance <= limit ? best : null;
  }

  /** Optimal string alignment distance: a swap of two neighbours counts once ("adma" → "adam"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
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
