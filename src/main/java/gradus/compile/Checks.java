package gradus.compile;

/** Argument checks shared by every evaluator, with messages naming the expected sizes. */
final class Checks {
  private Checks() {}

  static void args(double[] x, int n, double[] fields, int nf, int off) {
    if (x == null || x.length < n) {
      throw new IllegalArgumentException("x needs " + n + " values, got " + (x == null ? "null" : x.length));
    }
    if (nf > 0 && (fields == null || off < 0 || off + nf > fields.length)) {
      throw new IllegalArgumentException("a row of " + nf + " fields at offset " + off + " does not fit in "
          + (fields == null ? "null" : fields.length + " values"));
    }
  }

  static void grad(double[] g, int n) {
    if (g == null || g.length < n) {
      throw new IllegalArgumentException("the gradient array needs " + n + " slots, got " + (g == null ? "null" : g.length));
    }
  }
}
