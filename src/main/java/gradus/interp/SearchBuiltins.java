package gradus.interp;

import gradus.optim.BadArgument;
import gradus.optim.Bounds;
import java.util.Map;

/** Bounds, global searches, critical points and landscape slices (SPEC §10.5). */
final class SearchBuiltins {
  private SearchBuiltins() {}

  static void register(Map<String, Builtin> t) {}

  /**
   * {@code bounds=[lo, hi]} (the same interval for every coordinate) or
   * {@code bounds=[[lo1, hi1], ...]} (one interval per coordinate) for a function of n numbers.
   */
  static Bounds bounds(Args a, String name, int n, String fname) {
    Value v = Values.numericOrSelf(a.get(name));
    try {
      if (v instanceof Value.Vec vec) {
        double[] lh = vec.v();
        if (lh.length != 2) {
          throw a.error(name, name + "=[lo, hi] takes two numbers, got " + lh.length
              + "; give one interval per variable as [[lo1, hi1], [lo2, hi2], ...]");
        }
        return Bounds.uniform(n, lh[0], lh[1]);
      }
      if (v instanceof Value.Mat m) {
        double[][] rows = m.m();
        if (rows[0].length != 2) {
          throw a.error(name, name + " must be [lo, hi] or a list of [lo, hi] pairs, got rows of "
              + rows[0].length + " numbers");
        }
        if (rows.length != n) {
          throw a.error(name, name + " gives " + rows.length + " interval" + (rows.length == 1 ? "" : "s")
              + ", but " + fname + " takes " + n + " number" + (n == 1 ? "" : "s")
              + "; give one [lo, hi] per variable, or one [lo, hi] for all");
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
          lo[i] = rows[i][0];
          hi[i] = rows[i][1];
        }
        return Bounds.of(lo, hi);
      }
    } catch (BadArgument e) {
      throw a.error(name, e.getMessage());
    }
    throw a.error(name, name + " must be [lo, hi] or [[lo1, hi1], [lo2, hi2], ...], got a " + a.get(name).kind());
  }
}
