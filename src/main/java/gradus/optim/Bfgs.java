package gradus.optim;

import java.util.List;

/**
 * {@code bfgs()} — BFGS with a dense inverse-Hessian approximation H (Nocedal & Wright, Alg. 6.1),
 * as SciPy's {@code method="BFGS"}: {@code d = -H g}; with s = x₊ - x and y = g₊ - g,
 * {@code H ← (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ}, ρ = 1/(yᵀs). H starts as I, not rescaled.
 * The step: SciPy's {@link Wolfe12} with steps in [1e-100, 1e100], taking f_prev = f + ‖g‖₂/2
 * before the first iteration (SciPy's choice: the first trial then moves x by about 1). An
 * update with yᵀs ≤ 0 is skipped; when both searches fail, H is reset to I and the step is
 * retried once along -g. With bounds the direction moves only the coordinates that can move and
 * the steps stop at the box's edge ({@link Wolfe12#restrict}).
 */
public final class Bfgs extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("bfgs", List.of());

  public Bfgs() {
    super("bfgs()");
  }

  static Bfgs from(Args a) {
    return new Bfgs();
  }

  @Override
  public String name() {
    return "bfgs";
  }

  @Override
  void check(Objective objective) {
    super.check(objective);
    checkDense(name(), objective.dimension(), "use lbfgs or cg");
  }

  @Override
  Driver newDriver(Evaluator ev, int n) {
    return new Run(ev, n);
  }

  /** One run: the inverse-Hessian approximation and the two line searches. */
  private final class Run implements Driver {
    private final int n;
    /** H (row-major n×n), the direction, s, y and H·y. */
    private final double[] h;
    private final double[] d;
    private final double[] s;
    private final double[] y;
    private final double[] hy;
    private final Wolfe12 ls;
    private boolean fresh = true;
    /** In a bounded run: the box, the blocked coordinates and g without them; else null. */
    private final Bounds box;
    private final boolean[] blocked;
    private final double[] gFree;

    Run(Evaluator ev, int n) {
      this.n = n;
      box = ev.bounds;
      blocked = box == null ? null : new boolean[n];
      gFree = box == null ? null : new double[n];
      h = identity(n);
      d = new double[n];
      s = new double[n];
      y = new double[n];
      hy = new double[n];
      ls = new Wolfe12(ev, n, 1e-100, 1e100);
    }

    @Override
    public Outcome step(Iterate cur, Iterate next, long t) {
      if (Double.isNaN(ls.prevF)) ls.prevF = cur.f + Vec.norm2(cur.g) / 2; // SciPy's: step ~ 1
      double alpha = Double.NaN;
      for (int attempt = 0; attempt < 2 && Double.isNaN(alpha); attempt++) {
        if (attempt == 1) {
          if (fresh || ls.flat()) break;
          reset();
        }
        direction(cur);
        double derphi0 = ls.restrict(cur, d);
        if (!(derphi0 < 0)) {
          reset();
          direction(cur);
          derphi0 = ls.restrict(cur, d);
        }
        alpha = ls.search(cur, d, derphi0, next);
      }
      if (Double.isNaN(alpha)) return Outcome.STALLED;
      ls.accepted(cur);
      update(cur, next);
      return Outcome.OK;
    }

    void reset() {
      java.util.Arrays.fill(h, 0);
      for (int i = 0; i < n; i++) h[i * n + i] = 1;
      fresh = true;
    }

    /** d = -H g; in a bounded run from the free gradient, and 0 on the blocked coordinates. */
    void direction(Iterate cur) {
      double[] g = cur.g;
      if (box != null) {
        box.freeGradient(cur.x, cur.g, blocked, gFree);
        g = gFree;
      }
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) sum += h[i * n + j] * g[j];
        d[i] = box != null && blocked[i] ? 0 : -sum;
      }
    }

    void update(Iterate cur, Iterate next) {
      for (int i = 0; i < n; i++) {
        s[i] = next.x[i] - cur.x[i];
        y[i] = next.g[i] - cur.g[i];
      }
      double sy = Vec.dot(s, y);
      double yy = Vec.dot(y, y);
      if (!(sy > 1e-14 * Vec.norm2(s) * Math.sqrt(yy))) return;
      fresh = false;
      double rho = 1 / sy;
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) sum += h[i * n + j] * y[j];
        hy[i] = sum;
      }
      double yhy = Vec.dot(y, hy);
      double ss = (rho * rho * yhy + rho);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + ss * s[i] * s[j];
        }
      }
    }
  }

  static double[] identity(int n) {
    double[] h = new double[n * n];
    for (int i = 0; i < n; i++) h[i * n + i] = 1;
    return h;
  }
}
