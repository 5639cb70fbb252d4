package gradus.optim;

import java.util.List;

/**
 * {@code newton(line_search=true, modify=true)} — Newton's method: solve {@code H d = -g} with the
 * exact Hessian. With modify, an H that is not positive definite is replaced by {@code H + tau I}
 * (Nocedal & Wright, Alg. 3.3, Cholesky with added multiple of the identity: tau starts at
 * {@code -min(diag H) + 1e-3} when some diagonal entry is ≤ 0, else 0, and doubles (at least 1e-3)
 * until the Cholesky factorization succeeds). Without modify the system is solved as is (LU), so a
 * saddle attracts the step. With line_search, backtracking from step 1 until
 * {@code f(x + a d) <= f + 1e-4 a gᵀd}, halving a (at most 60 trials); without it, {@code x += d}.
 */
public final class Newton extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("newton", List.of(
      new Param("line_search", true, Param.Kind.BOOLEAN),
      new Param("modify", true, Param.Kind.BOOLEAN)));

  private static final double C1 = 1e-4;
  private static final int MAX_BACKTRACK = 60;
  private static final double TAU_FLOOR = 1e-3;

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
  void checkDimension(int n) {
    checkDense(name(), n);
  }

  @Override
  Driver newDriver(Evaluator ev, int n) {
    return new Driver() {
      final double[] h = new double[n * n];
      final double[] work = new double[n * n];
      final double[] d = new double[n];
      String reason = "the line search found no point with a sufficient decrease";

      @Override
      public Outcome step(Iterate cur, Iterate next) {
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
        double minDiag = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) minDiag = Math.min(minDiag, h[i * n + i]);
        double tau = minDiag > 0 ? 0 : -minDiag + TAU_FLOOR;
        while (Double.isFinite(tau)) {
          System.arraycopy(h, 0, work, 0, h.length);
          for (int i = 0; i < n; i++) work[i * n + i] += tau;
          if (Dense.cholesky(work, n)) {
            Dense.choleskySolve(work, n, d);
            return;
          }
          tau = Math.max(2 * tau, TAU_FLOOR);
        }
        // no finite shift helped (only for non-finite or absurd H): fall back to -g
      }

      @Override
      public String stallReason() {
        return reason;
      }
    };
  }
}
