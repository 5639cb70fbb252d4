package gradus.optim;

/** A point with its value and gradient; reused across steps. */
final class Iterate {
  final double[] x;
  final double[] g;
  double f;

  Iterate(int n) {
    x = new double[n];
    g = new double[n];
  }

  void copyFrom(Iterate o) {
    System.arraycopy(o.x, 0, x, 0, x.length);
    System.arraycopy(o.g, 0, g, 0, g.length);
    f = o.f;
  }

  boolean finite() {
    return Double.isFinite(f) && Vec.finite(x) && Vec.finite(g);
  }
}
