package gradus.optim;

import java.util.List;

/**
 * {@code newton_cg(maxiter=0)} — truncated Newton, SciPy's {@code method="Newton-CG"}: each
 * iteration solves {@code H p = -g} approximately by conjugate gradients from p = 0 on
 * Hessian-vector products (see {@link HessianProducts}), stopping when the residual's 1-norm is
 * at most {@code min(0.5, sqrt(‖g‖₁))·‖g‖₁}, when the curvature pᵀHp of a CG direction is in
 * [0, 3ε], or when it is negative (then the last iterate is used, or, on the first CG step,
 * {@code -(gᵀg / |pᵀHp|) g}); {@code maxiter} CG steps per iteration (0 means SciPy's 20·n)
 * without meeting one of these stalls the run ("the Hessian is not positive definite"). The
 * step along p: SciPy's {@link Wolfe12} with steps in [1e-8, 50], from 1 on the first iteration. Like every Gradus method it stops on gtol (SciPy's
 * Newton-CG stops on the step's size instead). Hessian-vector products are counted as Hessian
 * evaluations. With bounds, CG solves on the coordinates that are not blocked at a bound, the
 * direction moves only the coordinates that can move (falling back to -g when it then does not
 * descend) and the steps stop at the box's edge ({@link Wolfe12#restrict}).
 */
public final class NewtonCg extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("newton_cg",
      List.of(new Param("maxiter", 0, Param.Kind.INTEGER)));

  private static final double EPS = Math.ulp(1.0);

  private final int maxiter;

  public NewtonCg(int maxiter) {
    super("newton_cg(maxiter=" + maxiter + ")");
    this.maxiter = Check.atLeast("maxiter", maxiter, 0);
  }

  static NewtonCg from(Args a) {
    return new NewtonCg(a.integer("maxiter"));
  }

  @Override
  public String name() {
    return "newton_cg";
  }

  @Override
  void check(Objective objective) {
    if (!HessianProducts.available(objective)) {
      throw Check.bad("newton_cg needs Hessian-vector products (or the Hessian), which this"
          + " objective does not provide");
    }
    int n = objective.dimension();
    if (HessianProducts.denseOnly(objective) && n > MAX_DENSE) {
      throw Check.bad("newton_cg needs Hessian-vector products for " + n + " variables; this"
          + " objective offers only the dense " + n + "x" + n + " Hessian (at most " + MAX_DENSE
          + " variables); use lbfgs");
    }
  }

  @Override
  Driver newDriver(Evaluator ev, int n) {
    return new Run(ev, n);
  }

  /** One run: the CG vectors and the two line searches. */
  private final class Run implements Driver {
    private final Evaluator ev;
    private final int n;
    private final HessianProducts hv;
    private final int cgMax;
    /** The CG iterate (the Newton direction), its residual, direction and H·direction. */
    private final double[] p;
    private final double[] r;
    private final double[] dir;
    private final double[] hd;
    private final Wolfe12 ls;
    private String reason;
    /** In a bounded run: the box, the blocked coordinates and g without them; else null. */
    private final Bounds box;
    private final boolean[] blocked;
    private final double[] gFree;

    Run(Evaluator ev, int n) {
      this.ev = ev;
      this.n = n;
      hv = HessianProducts.of(ev, n);
      cgMax = maxiter > 0 ? maxiter : (int) Math.min(Integer.MAX_VALUE, 20L * n);
      p = new double[n];
      r = new double[n];
      dir = new double[n];
      hd = new double[n];
      ls = new Wolfe12(ev, n, 1e-8, 50);
      box = ev.bounds;
      blocked = box == null ? null : new boolean[n];
      gFree = box == null ? null : new double[n];
    }

    @Override
    public Outcome step(Iterate cur, Iterate next, long t) {
      if (!direction(cur)) return Outcome.STALLED;
      double gp = ls.restrict(cur, p);
      if (ev.bounds != null && !(gp < 0)) {
        // the restricted Newton-CG direction does not descend: the restricted steepest descent does
        for (int i = 0; i < n; i++) p[i] = -cur.g[i];
        gp = ls.restrict(cur, p);
      }
      double a = ls.search(cur, p, gp, next);
      if (Double.isNaN(a)) {
        reason = "the line search along the Newton-CG direction found no acceptable point";
        return Outcome.STALLED;
      }
      ls.accepted(cur);
      return Outcome.OK;
    }

    /** Conjugate gradients on H p = -g from p = 0, with SciPy's stopping rules. */
    boolean direction(Iterate cur) {
      double[] g = cur.g;
      if (box != null) {
        // CG on the free coordinates: H_FF p_F = -g_F, products cut to them
        box.freeGradient(cur.x, cur.g, blocked, gFree);
        g = gFree;
      }
      hv.at(cur.x);
      double l1 = 0;
      double rr = 0;
      for (int i = 0; i < n; i++) {
        p[i] = 0;
        r[i] = g[i];
        dir[i] = -g[i];
        l1 += Math.abs(g[i]);
        rr += g[i] * g[i];
      }
      double termcond = Math.min(0.5, Math.sqrt(l1)) * l1;
      for (int k = 0; k < cgMax; k++) {
        if (l1 <= termcond || ev.interrupted()) return true; // Ctrl-C: the iterate so far
        hv.times(dir, hd);
        if (box != null) for (int i = 0; i < n; i++) if (blocked[i]) hd[i] = 0;
        double curv = Vec.dot(dir, hd);
        if (0 <= curv && curv <= 3 * EPS) return true;
        if (curv < 0) {
          if (k == 0) for (int i = 0; i < n; i++) p[i] = rr / curv * g[i];
          return true;
        }
        double alpha = rr / curv;
        double rr1 = 0;
        l1 = 0;
        for (int i = 0; i < n; i++) {
          p[i] += alpha * dir[i];
          r[i] += alpha * hd[i];
          rr1 += r[i] * r[i];
          l1 += Math.abs(r[i]);
        }
        double beta = rr1 / rr;
        for (int i = 0; i < n; i++) dir[i] = -r[i] + beta * dir[i];
        rr = rr1;
      }
      if (l1 <= termcond) return true;
      reason = "conjugate gradients did not converge in " + cgMax + " steps; the Hessian is not"
          + " positive definite";
      return false;
    }

    @Override
    public String stallReason() {
      return reason;
    }
  }
}
