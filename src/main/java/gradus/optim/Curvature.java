package gradus.optim;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The extreme eigenvalues of the Hessian at a point, cheaply and with a bounded cost, for the stop
 * messages (a saddle, an oscillating gd): exact from the dense Hessian up to {@link #DENSE}
 * variables, else from {@link #STEPS} Lanczos steps on Hessian-vector products (the three-term
 * recurrence, O(n) memory; its Ritz values lie within the spectrum, so a negative one is a
 * negative eigenvalue). These evaluations are diagnostics: no run counts them.
 */
final class Curvature {
  private Curvature() {}

  static final int DENSE = 200;
  static final int STEPS = 30;

  /** The smallest and largest eigenvalue found, and how: NaN when the objective offers neither. */
  record Extremes(double lowest, double highest, String how) {
    boolean known() {
      return !Double.isNaN(lowest);
    }
  }

  static Extremes at(Objective o, double[] x) {
    int n = x.length;
    if (o.hasHessian() && n <= DENSE) return dense(o, x);
    if (o.hasHessianVector()) return lanczos(o, x);
    if (o.hasHessian() && n <= LineSearchMethod.MAX_DENSE) return dense(o, x);
    return new Extremes(Double.NaN, Double.NaN, "");
  }

  private static Extremes dense(Objective o, double[] x) {
    int n = x.length;
    DMatrixRMaj h = new DMatrixRMaj(n, n);
    o.hessian(x, h.data);
    double[] ev = eigenvalues(h);
    if (ev == null) return new Extremes(Double.NaN, Double.NaN, "");
    return new Extremes(ev[0], ev[1], "the Hessian's eigenvalues");
  }

  /** Lanczos from a seeded random vector: T's extreme eigenvalues. */
  private static Extremes lanczos(Objective o, double[] x) {
    int n = x.length;
    int k = Math.min(n, STEPS);
    double[] q = new double[n];
    double[] prev = new double[n];
    double[] w = new double[n];
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < n; i++) q[i] = rng.nextDouble() - 0.5;
    scale(q, 1 / Vec.norm2(q));
    double[] alpha = new double[k];
    double[] beta = new double[k];
    int m = 0;
    for (int j = 0; j < k; j++) {
      o.hessianVector(x, q, w);
      if (!Vec.finite(w)) break;
      double a = Vec.dot(w, q);
      for (int i = 0; i < n; i++) w[i] -= a * q[i] + (j > 0 ? beta[j - 1] * prev[i] : 0);
      alpha[j] = a;
      m = j + 1;
      double b = Vec.norm2(w);
      if (b <= 1e-12 * Math.max(1, Math.abs(a))) break; // an invariant subspace: T is exact
      beta[j] = b;
      double[] t = prev;
      prev = q;
      q = t;
      for (int i = 0; i < n; i++) q[i] = w[i] / b;
    }
    if (m == 0) return new Extremes(Double.NaN, Double.NaN, "");
    DMatrixRMaj t = new DMatrixRMaj(m, m);
    for (int j = 0; j < m; j++) {
      t.set(j, j, alpha[j]);
      if (j + 1 < m) {
        t.set(j, j + 1, beta[j]);
        t.set(j + 1, j, beta[j]);
      }
    }
    double[] ev = eigenvalues(t);
    if (ev == null) return new Extremes(Double.NaN, Double.NaN, "");
    return new Extremes(ev[0], ev[1], m + " Lanczos steps on Hessian-vector products");
  }

  /** {smallest, largest} eigenvalue of a symmetric matrix, or null when they cannot be computed. */
  private static double[] eigenvalues(DMatrixRMaj a) {
    if (!Vec.finite(a.data)) return null;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.numRows, false, true);
    if (!eig.decompose(a)) return null;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.numRows; i++) {
      double l = eig.getEigenvalue(i).getReal();
      lo = Math.min(lo, l);
      hi = Math.max(hi, l);
    }
    return new double[] {lo, hi};
  }

  private static void scale(double[] v, double k) {
    for (int i = 0; i < v.length; i++) v[i] *= k;
  }
}
