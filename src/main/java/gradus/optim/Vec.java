package gradus.optim;

/** Small dense-vector helpers. */
final class Vec {
  private Vec() {}

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  static double norm2(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** The largest |a_i|: NaN if any a_i is NaN, inf if any is infinite. */
  static double normInf(double[] a) {
    double m = 0;
    for (double v : a) {
      double abs = Math.abs(v);
      if (!(abs <= m)) {
        if (abs != abs) return Double.NaN;
        m = abs;
      }
    }
    return m;
  }

  /** Whether every a_i is finite: v - v is 0 for finite v and NaN for inf and NaN. */
  static boolean finite(double[] a) {
    double s = 0;
    for (double v : a) s += v - v;
    return s == 0;
  }

  /** out = x + a*d */
  static void axpy(double[] x, double a, double[] d, double[] out) {
    for (int i = 0; i < x.length; i++) out[i] = x[i] + a * d[i];
  }
}
