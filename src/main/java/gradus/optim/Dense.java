package gradus.optim;

/** Dense symmetric solves for Newton's method (row-major n×n arrays, overwritten in place). */
final class Dense {
  private Dense() {}

  /** Cholesky factor L (lower triangle of a) of a symmetric matrix; false if not positive definite. */
  static boolean cholesky(double[] a, int n) {
    for (int j = 0; j < n; j++) {
      double diag = a[j * n + j];
      for (int k = 0; k < j; k++) diag -= a[j * n + k] * a[j * n + k];
      if (!(diag > 0) || !Double.isFinite(diag)) return false;
      double ljj = Math.sqrt(diag);
      a[j * n + j] = ljj;
      for (int i = j + 1; i < n; i++) {
        double v = a[i * n + j];
        for (int k = 0; k < j; k++) v -= a[i * n + k] * a[j * n + k];
        a[i * n + j] = v / ljj;
      }
    }
    return true;
  }

  /** Solves L Lᵀ x = b in place in b. */
  static void choleskySolve(double[] l, int n, double[] b) {
    for (int i = 0; i < n; i++) {
      double v = b[i];
      for (int k = 0; k < i; k++) v -= l[i * n + k] * b[k];
      b[i] = v / l[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double v = b[i];
      for (int k = i + 1; k < n; k++) v -= l[k * n + i] * b[k];
      b[i] = v / l[i * n + i];
    }
  }

  /** Solves A x = b by LU with partial pivoting, in place in b; false if A is singular. */
  static boolean luSolve(double[] a, int n, double[] b) {
    double scale = 0;
    for (double v : a) scale = Math.max(scale, Math.abs(v));
    double tiny = scale * n * 1e-15;
    for (int k = 0; k < n; k++) {
      int p = k;
      for (int i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) p = i;
      if (!(Math.abs(a[p * n + k]) > tiny)) return false;
      if (p != k) {
        for (int j = 0; j < n; j++) {
          double t = a[k * n + j];
          a[k * n + j] = a[p * n + j];
          a[p * n + j] = t;
        }
        double t = b[k];
        b[k] = b[p];
        b[p] = t;
      }
      for (int i = k + 1; i < n; i++) {
        double f = a[i * n + k] / a[k * n + k];
        if (f == 0) continue;
        for (int j = k; j < n; j++) a[i * n + j] -= f * a[k * n + j];
        b[i] -= f * b[k];
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      double v = b[i];
      for (int j = i + 1; j < n; j++) v -= a[i * n + j] * b[j];
      b[i] = v / a[i * n + i];
    }
    return true;
  }
}
