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
 * 5000 variables. Hessian evaluations are counted apart from {@code evaluations}. With bounds
 * it is the projected Newton method ({@link ProjectedNewton}), on the same system and shift.
 */
public final class Newton extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("newton", List.of(
      new Param("line_search", true, Param.Kind.BOOLEAN),
      new Param("modify", true, Param.Kind.BOOLEAN)));

  static final double C1 = 1e-4;
  static final int MAX_BACKTRACK = 30;

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
    return ev.bounds != null ? new ProjectedNewton(ev, n, lineSearch, modify) : new Run(ev, n);
  }

  /**
   * What the Newton drivers share: the Hessian system (dense or sparse), the direction d, the
   * solve (shifted with modify, LU without) and the last shift.
   */
  abstract static class Step implements Driver {
    final Evaluator ev;
    final int n;
    final NewtonSystem h;
    final double[] d;
    private final boolean modify;
    String reason;
    double shift = Double.NaN;

    Step(Evaluator ev, int n, boolean modify) {
      this.ev = ev;
      this.n = n;
      this.modify = modify;
      h = sparse(ev.objective) ? new SparseNewtonSystem(ev, ev.objective.sparseHessian())
          : NewtonSystem.dense(ev, n);
      d = new double[n];
    }

    /**
     * Replaces d (the right-hand side) by the solution on the loaded system: (H + τI)⁻¹d with
     * modify, H⁻¹d without; false (and the reason) when there is none.
     */
    boolean solve(String singular) {
      if (!modify) {
        shift = Double.NaN;
        if (h.solveLu(d)) return true;
        reason = singular + "; use newton(modify=true)";
        return false;
      }
      shift = h.shiftUntilPositiveDefinite(ev);
      if (Double.isNaN(shift)) {
        reason = "no shift of the Hessian up to " + Check.num(Double.MAX_VALUE)
            + " made it positive definite";
        return false;
      }
      h.solveFactored(d);
      return true;
    }

    @Override
    public String stallReason() {
      return reason;
    }

    @Override
    public double shift() {
      return shift;
    }

    /** A run with state=true records the shift of the step that reached each kept iterate. */
    @Override
    public List<String> stateNames() {
      return List.of("shift");
    }

    @Override
    public int stateWidth(int k) {
      return 1;
    }

    @Override
    public void copyState(int k, double[] into, int off) {
      into[off] = shift;
    }
  }

  /** One unbounded run. */
  private final class Run extends Step {
    Run(Evaluator ev, int n) {
      super(ev, n, modify);
    }

    @Override
    public Outcome step(Iterate cur, Iterate next, long t) {
      if (!h.load(cur.x)) {
        reason = "the Hessian is not finite";
        return Outcome.STALLED;
      }
      for (int i = 0; i < n; i++) d[i] = -cur.g[i];
      if (!solve("the Hessian is singular")) return Outcome.STALLED;
      if (!lineSearch) {
        Vec.axpy(cur.x, 1, d, next.x);
        next.f = ev.eval(next.x, next.g);
        return Outcome.OK;
      }
      return backtrack(cur, next);
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
  }
}
