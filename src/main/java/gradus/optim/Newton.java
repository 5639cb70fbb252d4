package gradus.optim;

import java.util.List;

/**
 * {@code newton(line_search=true, modify=true)} — Newton's method: solve {@code H d = -g} with the
 * exact Hessian. With modify, H is shifted until it is positive definite (Nocedal & Wright,
 * Algorithm 3.3, Cholesky with added multiple of the identity): with β = 1e-6·max|hᵢᵢ| (relative,
 * so that scaling f scales the shift; N&W's absolute 1e-3 if the diagonal is zero), τ₀ = 0 if
 * every hᵢᵢ > 0, else β - min hᵢᵢ; then
 * τ_{k+1} = max(2τ_k, β) until H + τI has a Cholesky factor, and d solves (H + τI) d = -g, a
 * descent direction that turns away from saddles. The shift τ of the last step is
 * {@link Driver#shift()}. Without modify, H d = -g is solved by LU as it is, so a saddle attracts
 * the step. With line_search, backtracking from step 1 until {@code f(x + a d) <= f + 1e-4 a gᵀd},
 * halving a, at most 30 trials (then "stalled"); without it, {@code x += d}.
 *
 * <p>An objective with a {@link SparseHessian} whose pattern is sparse (fewer than n²/4 entries)
 * is factored sparsely ({@link SparseNewtonSystem}), at any size; otherwise H is dense, at most
 * 5000 variables. Hessian evaluations are counted apart from {@code evaluations}.
 */
public final class Newton extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("newton", List.of(
      new Param("line_search", true, Param.Kind.BOOLEAN),
      new Param("modify", true, Param.Kind.BOOLEAN)));

  private static final double C1 = 1e-4;
  private static final int MAX_BACKTRACK = 30;
  private static final int MAX_SHIFTS = 200;

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

  static boolean sparse(Objective objective) {
    SparseHessian sh = objective.sparseHessian();
    if (sh == null) return false;
    long n = sh.dimension();
    return !objective.hasHessian() || n > MAX_DENSE || sh.columnStarts()[(int) n] < n * n / 4;
  }

  @Override
  void check(Objective objective) {
    super.check(objective);
    if (!sparse(objective)) {
      checkDense(name(), objective.dimension(), "use newton_cg or lbfgs");
    }
  }

  @Override
  Driver newDriver(Evaluator ev, int n) {
    return new Run(ev, n);
  }

  /** One run: the Hessian system (dense or sparse), the direction, the last shift. */
  private final class Run implements Driver {
    private final Evaluator ev;
    private final int n;
    private final NewtonSystem h;
    private final double[] d;
    private String reason;
    private double shift = Double.NaN;

    Run(Evaluator ev, int n) {
      this.ev = ev;
      this.n = n;
      h = sparse(ev.objective) ? new SparseNewtonSystem(ev, ev.objective.sparseHessian())
          : NewtonSystem.dense(ev, n);
      d = new double[n];
    }

    @Override
    public Outcome step(Iterate cur, Iterate next, long t) {
      if (!h.load(cur.x)) {
        reason = "the Hessian is not finite";
        return Outcome.STALLED;
      }
      for (int i = 0; i < n; i++) d[i] = -cur.g[i];
      if (modify) {
        shift = shiftUntilPositiveDefinite();
        if (Double.isNaN(shift)) {
          reason = "no shift of the Hessian up to " + Check.num(Double.MAX_VALUE)
              + " made it positive definite";
          return Outcome.STALLED;
        }
        h.solveFactored(d);
      } else if (!h.solveLu(d)) {
        reason = "the Hessian is singular; use newton(modify=true)";
        return Outcome.STALLED;
      }
      if (!lineSearch) {
        Vec.axpy(cur.x, 1, d, next.x);
        next.f = ev.eval(next.x, next.g);
        return Outcome.OK;
      }
      return backtrack(cur, next);
    }

    /** N&W Algorithm 3.3; returns τ, or NaN if no finite shift factors. */
    double shiftUntilPositiveDefinite() {
      double[] range = h.diagonalRange();
      double scale = Math.max(Math.abs(range[0]), Math.abs(range[1]));
      double beta = scale > 0 ? 1e-6 * scale : 1e-3;
      double tau = range[0] > 0 ? 0 : beta - range[0];
      for (int k = 0; k < MAX_SHIFTS && Double.isFinite(tau) && !ev.interrupted(); k++) {
        if (h.factorShifted(tau)) return tau;
        tau = Math.max(2 * tau, beta);
      }
      return Double.NaN;
    }

    Outcome backtrack(Iterate cur, Iterate next) {
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

    @Override
    public String stallReason() {
      return reason;
    }

    @Override
    public double shift() {
      return shift;
    }
  }
}
