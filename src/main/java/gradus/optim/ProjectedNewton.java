package gradus.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Newton's method in a box, what {@code newton()} runs when bounds are given: Bertsekas'
 * projected Newton method (D. P. Bertsekas, "Projected Newton methods for optimization problems
 * with simple constraints", SIAM J. Control Optim. 20, 1982). With ε = min(10⁻³, |x - P(x - g)|∞),
 * a coordinate within ε of a bound its gradient pushes it against is active; the Newton system is
 * solved on the free coordinates only, {@code H_FF d_F = -g_F} (with modify, H_FF is replaced by
 * its eigenvalue modification when it is not positive definite, as in {@link Newton}), and active
 * coordinates step along {@code -g}. The step is projected: {@code x(a) = P(x + a d)}; with
 * line_search, a is halved from 1 until {@code f(x(a)) <= f + 1e-4 gᵀ(x(a) - x)}, at most 30 times.
 */
final class ProjectedNewton implements LineSearchMethod.Driver {
  private static final double C1 = 1e-4;
  private static final int MAX_BACKTRACK = 30;
  private static final double SQRT_EPS = 1.4901161193847656e-8;

  private final Evaluator ev;
  private final int n;
  private final Bounds b;
  private final boolean lineSearch;
  private final boolean modify;
  private final double[] h;
  private final double[] d;
  private final int[] free;
  private String reason = "";

  ProjectedNewton(Evaluator ev, int n, boolean lineSearch, boolean modify) {
    this.ev = ev;
    this.n = n;
    this.b = ev.bounds;
    this.lineSearch = lineSearch;
    this.modify = modify;
    h = new double[n * n];
    d = new double[n];
    free = new int[n];
  }

  @Override
  public LineSearchMethod.Outcome step(Iterate cur, Iterate next) {
    ev.hessian(cur.x, h);
    if (!Vec.finite(h)) {
      reason = "the Hessian is not finite";
      return LineSearchMethod.Outcome.STALLED;
    }
    double eps = Math.min(1e-3, b.projectedNormInf(cur.x, cur.g));
    int nf = 0;
    for (int i = 0; i < n; i++) {
      boolean active = (cur.x[i] - b.lo(i) <= eps && cur.g[i] > 0) || (b.hi(i) - cur.x[i] <= eps && cur.g[i] < 0);
      d[i] = -cur.g[i];
      if (!active) free[nf++] = i;
    }
    if (nf > 0 && !reducedSolve(cur.g, nf)) {
      reason = "the Hessian on the free coordinates is singular; use newton(modify=true)";
      return LineSearchMethod.Outcome.STALLED;
    }
    double a = 1;
    for (int k = 0; k < (lineSearch ? MAX_BACKTRACK : 1); k++, a *= 0.5) {
      Vec.axpy(cur.x, a, d, next.x);
      b.clip(next.x);
      next.f = ev.eval(next.x, next.g);
      if (!lineSearch) return LineSearchMethod.Outcome.OK;
      double slope = 0;
      for (int i = 0; i < n; i++) slope += cur.g[i] * (next.x[i] - cur.x[i]);
      if (next.f <= cur.f + C1 * slope && Vec.finite(next.g)) return LineSearchMethod.Outcome.OK;
    }
    reason = "backtracking along the projected Newton path found no point with a sufficient decrease";
    return LineSearchMethod.Outcome.STALLED;
  }

  /** d_F = -H_FF⁻¹ g_F (modified to be positive definite when modify); false if singular. */
  private boolean reducedSolve(double[] g, int nf) {
    double[] a = new double[nf * nf];
    double[] rhs = new double[nf];
    for (int r = 0; r < nf; r++) {
      rhs[r] = -g[free[r]];
      for (int c = 0; c < nf; c++) a[r * nf + c] = h[free[r] * n + free[c]];
    }
    boolean ok;
    if (!modify) {
      ok = Dense.luSolve(a, nf, rhs);
    } else {
      double[] l = a.clone();
      ok = Dense.cholesky(l, nf);
      if (ok) Dense.choleskySolve(l, nf, rhs);
      else ok = eigenSolve(a, nf, rhs);
    }
    if (!ok) return false;
    for (int r = 0; r < nf; r++) d[free[r]] = rhs[r];
    return true;
  }

  /** rhs ← Q diag(1/max(|λ|, δ)) Qᵀ rhs, δ = √ε·max|λ| (Nocedal & Wright §3.4). */
  private static boolean eigenSolve(double[] a, int k, double[] rhs) {
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
    if (!eig.decompose(DMatrixRMaj.wrap(k, k, a))) return false;
    double maxAbs = 0;
    for (int i = 0; i < k; i++) maxAbs = Math.max(maxAbs, Math.abs(eig.getEigenvalue(i).getReal()));
    double delta = Math.max(SQRT_EPS * maxAbs, Double.MIN_NORMAL);
    double[] g = rhs.clone();
    java.util.Arrays.fill(rhs, 0);
    for (int j = 0; j < k; j++) {
      double[] q = eig.getEigenVector(j).data;
      double c = Vec.dot(q, g) / Math.max(Math.abs(eig.getEigenvalue(j).getReal()), delta);
      for (int i = 0; i < k; i++) rhs[i] += c * q[i];
    }
    return true;
  }

  @Override
  public String stallReason() {
    return reason;
  }
}
