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

  static double normInf(double[] a) {
    double m = 0;
    for (double v : a) {
      if (Double.isNaN(v)) return Double.NaN;
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  static boolean finite(double[] a) {
    for (double v : a) if (!Double.isFinite(v)) return false;
    return true;
  }

  /** out = x + a*d */
  static void axpy(double[] x, double a, double[] d, double[] out) {
    for (int i = 0; i < x.length; i++) out[i] = x[i] + a * d[i];
  }
}
