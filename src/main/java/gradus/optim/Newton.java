package gradus.optim;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * {@code newton(line_search=true, modify=true)} — Newton's method: solve {@code H d = -g} with the
 * exact Hessian. With modify, H is used when its Cholesky factorization succeeds (positive
 * definite); otherwise it is replaced by its eigenvalue modification (Nocedal & Wright §3.4):
 * {@code H = Q diag(λ) Qᵀ → Q diag(max(|λ|, δ)) Qᵀ}, δ = sqrt(machine ε)·max|λ|, which is positive
 * definite, so d is a descent direction that turns away from saddles. Without modify the system
 * is solved as is (LU), so a saddle attracts the step. With line_search, backtracking from step 1
 * until {@code f(x + a d) <= f + 1e-4 a gᵀd}, halving a, at most 30 trials (then "stalled");
 * without it, {@code x += d}. Hessian evaluations are counted apart from {@code evaluations}.
 */
public final class Newton extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("newton", List.of(
      new Param("line_search", true, Param.Kind.BOOLEAN),
      new Param("modify", true, Param.Kind.BOOLEAN)));

  private static final double C1 = 1e-4;
  private static final int MAX_BACKTRACK = 30;
  private static final double SQRT_EPS = 1.4901161193847656e-8;

  private final boolean lineSearch;
  private final boolean modify;

  public Newton(boolean lineSearch, boolean modify) {
    super(Schedule.all("newton", "line_search", lineSearch, "modify", modify));
    this.lineSearch = lineSearch;
    this.modify = modify;
  }

  static Newton from(Args a) {
    return new Newton(a.bool("line_search"), a.bool("modify"));
  }

  @Override
  public String name() {
    return "newton";
  }

  @Override
  public boolean needsHessian() {
    return true;
  }

  @Override
  void check(Objective objective) {
    super.check(objective);
    checkDense(name(), objective.dimension(), "use newton_cg or lbfgs");
  }

  @Override
  Driver newDriver(Evaluator ev, int n) {
    return new Driver() {
      final double[] h = new double[n * n];
      final double[] work = new double[n * n];
      final double[] d = new double[n];
      String reason = "the line search found no point with a sufficient decrease";

      @Override
      public Outcome step(Iterate cur, Iterate next, long t) {
        ev.hessian(cur.x, h);
        if (!Vec.finite(h)) {
          reason = "the Hessian is not finite";
          return Outcome.STALLED;
        }
        for (int i = 0; i < n; i++) d[i] = -cur.g[i];
        if (modify) {
          modifiedSolve();
        } else if (!solve()) {
          reason = "the Hessian is singular; use newton(modify=true)";
          return Outcome.STALLED;
        }
        if (!lineSearch) {
          Vec.axpy(cur.x, 1, d, next.x);
          next.f = ev.eval(next.x, next.g);
          return Outcome.OK;
        }
        double slope = Vec.dot(cur.g, d);
        if (!(slope < 0)) {
          reason = "the Newton direction is not a descent direction (the Hessian is indefinite);"
              + " use newton(modify=true)";
          return Outcome.STALLED;
        }
        double a = 1;
        for (int k = 0; k < MAX_BACKTRACK; k++, a *= 0.5) {
          Vec.axpy(cur.x, a, d, next.x);
          next.f = ev.eval(next.x, next.g);
          if (next.f <= cur.f + C1 * a * slope && Vec.finite(next.g)) return Outcome.OK;
        }
        reason = "backtracking found no point with a sufficient decrease";
        return Outcome.STALLED;
      }

      boolean solve() {
        System.arraycopy(h, 0, work, 0, h.length);
        return Dense.luSolve(work, n, d);
      }

      void modifiedSolve() {
        System.arraycopy(h, 0, work, 0, h.length);
        if (Dense.cholesky(work, n)) {
          Dense.choleskySolve(work, n, d);
          return;
        }
        eigenSolve();
      }

      /** d = -Q diag(1/max(|λ|, δ)) Qᵀ g with δ = sqrt(ε)·max|λ| (N&W §3.4). */
      void eigenSolve() {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        System.arraycopy(h, 0, a.data, 0, h.length);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(a)) return; // d stays -g
        double maxAbs = 0;
        for (int k = 0; k < n; k++) maxAbs = Math.max(maxAbs, Math.abs(eig.getEigenvalue(k).getReal()));
        double delta = Math.max(SQRT_EPS * maxAbs, Double.MIN_NORMAL);
        double[] g = d.clone();
        java.util.Arrays.fill(d, 0);
        for (int k = 0; k < n; k++) {
          DMatrixRMaj q = eig.getEigenVector(k);
          double lambda = Math.max(Math.abs(eig.getEigenvalue(k).getReal()), delta);
          double c = 0;
          for (int i = 0; i < n; i++) c += q.data[i] * g[i];
          c /= lambda;
          for (int i = 0; i < n; i++) d[i] += c * q.data[i];
        }
      }

      @Override
      public String stallReason() {
        return reason;
      }
    };
  }
}
