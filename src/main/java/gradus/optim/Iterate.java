package gradus.optim;

/** A point with its value, gradient and the gradient's infinity norm; reused across steps. */
final class Iterate {
  final double[] x;
  final double[] g;
  double f;
  /**
   * {@code Vec.normInf(g)}, or in a bounded run the projected gradient's norm ({@link
   * Bounds#projectedNormInf}), set once per accepted point: NaN if g has a NaN, inf if an inf.
   */
  double gnorm;

  Iterate(int n) {
    x = new double[n];
    g = new double[n];
  }

  /** Whether f and g are finite; gnorm must be set (x is checked where it is made). */
  boolean finite() {
    return Double.isFinite(f) && Double.isFinite(gnorm);
  }
}
