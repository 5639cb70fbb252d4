package gradus.optim;

/**
 * Newton's method in a box, what {@code newton()} runs when bounds are given: Bertsekas'
 * projected Newton method (D. P. Bertsekas, "Projected Newton methods for optimization problems
 * with simple constraints", SIAM J. Control Optim. 20, 1982). With ε = min(10⁻³, |x - P(x - g)|∞),
 * a coordinate within ε of a bound its gradient pushes it against is active; the Newton system is
 * solved on the free coordinates only, {@code H_FF d_F = -g_F} (with modify, H_FF is shifted by
 * τI until it is positive definite, as in {@link Newton}, on the same dense or sparse system),
 * and active coordinates step along {@code -g}. The step is projected: {@code x(a) = P(x + a d)};
 * with line_search, a is halved from 1 until {@code f(x(a)) <= f + 1e-4 gᵀ(x(a) - x)}, at most 30
 * times.
 */
final class ProjectedNewton extends Newton.Step {
  private final Bounds b;
  private final boolean lineSearch;
  private final boolean[] active;

  ProjectedNewton(Evaluator ev, int n, boolean lineSearch, boolean modify) {
    super(ev, n, modify);
    this.b = ev.bounds;
    this.lineSearch = lineSearch;
    active = new boolean[n];
  }

  @Override
  public Outcome step(Iterate cur, Iterate next, long t) {
    if (!h.load(cur.x)) {
      reason = "the Hessian is not finite";
      return Outcome.STALLED;
    }
    double eps = Math.min(1e-3, cur.gnorm); // cur.gnorm is the projected gradient's norm
    int nActive = 0;
    for (int i = 0; i < n; i++) {
      active[i] = (cur.x[i] - b.lo(i) <= eps && cur.g[i] > 0)
          || (b.hi(i) - cur.x[i] <= eps && cur.g[i] < 0);
      if (active[i]) nActive++;
      d[i] = -cur.g[i];
    }
    shift = Double.NaN;
    if (nActive < n) {
      if (nActive > 0) h.fix(active);
      if (!solve("the Hessian on the free coordinates is singular")) return Outcome.STALLED;
    }
    double a = 1;
    for (int k = 0; k < (lineSearch ? Newton.MAX_BACKTRACK : 1); k++, a *= 0.5) {
      Vec.axpy(cur.x, a, d, next.x);
      b.clip(next.x);
      next.f = ev.eval(next.x, next.g);
      if (!lineSearch) return Outcome.OK;
      double slope = 0;
      for (int i = 0; i < n; i++) slope += cur.g[i] * (next.x[i] - cur.x[i]);
      if (next.f <= cur.f + Newton.C1 * slope && Vec.finite(next.g)) return Outcome.OK;
    }
    reason = "backtracking along the projected Newton path found no point with a sufficient"
        + " decrease";
    return Outcome.STALLED;
  }
}
