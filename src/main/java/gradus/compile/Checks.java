package gradus.compile;

/** Argument checks of the evaluators, with messages naming the expected sizes. */
final class Checks {
  private Checks() {}

  static void args(double[] x, int n, double[] fields, int nf, int off) {
    if (x == null || x.length < n) {
      throw new IllegalArgumentException("x needs " + n + " values, got " + (x == null ? "none" : x.length));
    }
    if (nf > 0 && (fields == null || off < 0 || off + nf > fields.length)) {
      throw new IllegalArgumentException("a row of " + nf + " fields at offset " + off + " does not fit in "
          + (fields == null ? "no data" : fields.length + " values"));
    }
  }

  static void vector(double[] a, long n, String what) {
    if (a == null || a.length < n) {
      throw new IllegalArgumentException("the " + what + " array needs " + n + " slots, got " + (a == null ? "none" : a.length));
    }
  }
}
