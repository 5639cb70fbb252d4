package gradus.optim;

import java.util.Arrays;
import java.util.List;

/**
 * {@code nelder_mead(xatol=1e-4, fatol=1e-4, adaptive=false)} — the downhill simplex method,
 * with SciPy's {@code method="Nelder-Mead"} rules and defaults: the initial simplex is x0 and, for
 * each coordinate k, x0 with x0[k] scaled by 1.05 (or set to 0.00025 when it is 0); reflection
 * ρ = 1, expansion χ = 2, contraction ψ = 0.5, shrink σ = 0.5 (with adaptive, Gao and Han's
 * χ = 1 + 2/n, ψ = 0.75 - 1/(2n), σ = 1 - 1/n). It stops when every vertex is within xatol of the
 * best in every coordinate and every value within fatol of the best value. Without
 * {@code steps=} it makes at most 200·n iterations and 200·n function values (SciPy's maxiter and
 * maxfev); with steps= only the iteration cap holds. With bounds, the simplex is reflected into
 * the box and every trial point is clipped to it, as in SciPy.
 *
 * <p>It uses function values only: {@code evaluations} counts them (SciPy's nfev). The gradient
 * reported at each kept iterate is computed for the record, not counted and not used.
 */
public final class NelderMead extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("nelder_mead", List.of(
      new Param("xatol", 1e-4, Param.Kind.NUMBER),
      new Param("fatol", 1e-4, Param.Kind.NUMBER),
      new Param("adaptive", false, Param.Kind.BOOLEAN)));

  private final double xatol;
  private final double fatol;
  private final boolean adaptive;

  public NelderMead(double xatol, double fatol, boolean adaptive) {
    super(Schedule.all("nelder_mead", "xatol", xatol, "fatol", fatol, "adaptive", adaptive));
    this.xatol = Check.nonNegative("xatol", xatol);
    this.fatol = Check.nonNegative("fatol", fatol);
    this.adaptive = adaptive;
  }

  static NelderMead from(Args a) {
    return new NelderMead(a.num("xatol"), a.num("fatol"), a.bool("adaptive"));
  }

  @Override
  public String name() {
    return "nelder_mead";
  }

  @Override
  long defaultSteps(int n) {
    return 200L * n;
  }

  @Override
  long evaluationLimit(int n, boolean stepsGiven) {
    return stepsGiven ? Long.MAX_VALUE : 200L * n;
  }

  @Override
  Driver newDriver(Evaluator ev, int n) {
    return new Simplex(ev, n);
  }

  private final class Simplex implements Driver {
    final Evaluator ev;
    final int n;
    final Bounds b;
    final double rho = 1;
    final double chi;
    final double psi;
    final double sigma;
    final double[][] sim;
    final double[] fsim;
    final double[] xbar;
    final double[] xr;
    final double[] xe;
    boolean built;
    boolean outOfEvaluations;

    Simplex(Evaluator ev, int n) {
      this.ev = ev;
      this.n = n;
      this.b = ev.bounds;
      chi = adaptive ? 1 + 2.0 / n : 2;
      psi = adaptive ? 0.75 - 1 / (2.0 * n) : 0.5;
      sigma = adaptive ? 1 - 1.0 / n : 0.5;
      sim = new double[n + 1][n];
      fsim = new double[n + 1];
      xbar = new double[n];
      xr = new double[n];
      xe = new double[n];
    }

    @Override
    public boolean usesGradient() {
      return false;
    }

    @Override
    public Stop before(Iterate cur) {
      if (!built) build(cur);
      if (outOfEvaluations || ev.evaluations >= ev.limit) {
        return new Stop(Result.MAX_STEPS, "Reached the limit of " + ev.limit + " function values"
            + " (200 per variable, SciPy's maxfev); give steps= for a longer run.");
      }
      double dx = 0;
      double df = 0;
      for (int k = 1; k <= n; k++) {
        for (int i = 0; i < n; i++) dx = Math.max(dx, Math.abs(sim[k][i] - sim[0][i]));
        df = Math.max(df, Math.abs(fsim[0] - fsim[k]));
      }
      if (dx <= xatol && df <= fatol) {
        return new Stop(Result.CONVERGED, "Converged: the simplex is within xatol = "
            + Check.num(xatol) + " of its best vertex and its values within fatol = "
            + Check.num(fatol) + ".");
      }
      return null;
    }

    private void build(Iterate cur) {
      built = true;
      for (int k = 0; k <= n; k++) System.arraycopy(cur.x, 0, sim[k], 0, n);
      for (int k = 0; k < n; k++) sim[k + 1][k] = cur.x[k] != 0 ? 1.05 * cur.x[k] : 0.00025;
      if (b != null) {
        // a vertex past an upper bound is reflected inside, so that clipping cannot collapse it
        for (double[] v : sim) {
          for (int i = 0; i < n; i++) if (v[i] > b.hi(i)) v[i] = 2 * b.hi(i) - v[i];
          b.clip(v);
        }
      }
      fsim[0] = cur.f;
      Arrays.fill(fsim, 1, n + 1, Double.POSITIVE_INFINITY);
      for (int k = 1; k <= n; k++) if (!value(sim[k], k)) break;
      sort();
    }

    /** fsim[k] = f(x) unless the evaluation limit is reached (then false). */
    private boolean value(double[] x, int k) {
      double f = valueAt(x);
      if (Double.isNaN(f) && outOfEvaluations) return false;
      fsim[k] = f;
      return true;
    }

    private double valueAt(double[] x) {
      if (ev.evaluations >= ev.limit) {
        outOfEvaluations = true;
        return Double.NaN;
      }
      return ev.value(x);
    }

    @Override
    public Outcome step(Iterate cur, Iterate next, long t) {
      iterate();
      sort();
      System.arraycopy(sim[0], 0, next.x, 0, n);
      next.f = fsim[0];
      if (Arrays.equals(next.x, cur.x)) {
        System.arraycopy(cur.g, 0, next.g, 0, n);
      } else {
        ev.objective.valueAndGradient(next.x, next.g);
      }
      return Outcome.OK;
    }

    /** One Nelder–Mead iteration on the sorted simplex; stops short at the evaluation limit. */
    private void iterate() {
      double[] worst = sim[n];
      Arrays.fill(xbar, 0);
      for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) xbar[i] += sim[k][i];
      for (int i = 0; i < n; i++) xbar[i] /= n;
      point(xr, 1 + rho, -rho, worst);
      double fxr = valueAt(xr);
      if (outOfEvaluations) return;
      if (fxr < fsim[0]) {
        point(xe, 1 + rho * chi, -rho * chi, worst);
        double fxe = valueAt(xe);
        if (outOfEvaluations) return;
        if (fxe < fxr) replaceWorst(xe, fxe);
        else replaceWorst(xr, fxr);
        return;
      }
      if (fxr < fsim[n - 1]) {
        replaceWorst(xr, fxr);
        return;
      }
      boolean shrink;
      if (fxr < fsim[n]) {
        point(xe, 1 + psi * rho, -psi * rho, worst);
        double fxc = valueAt(xe);
        if (outOfEvaluations) return;
        shrink = !(fxc <= fxr);
        if (!shrink) replaceWorst(xe, fxc);
      } else {
        point(xe, 1 - psi, psi, worst);
        double fxcc = valueAt(xe);
        if (outOfEvaluations) return;
        shrink = !(fxcc < fsim[n]);
        if (!shrink) replaceWorst(xe, fxcc);
      }
      if (shrink) {
        for (int k = 1; k <= n; k++) {
          for (int i = 0; i < n; i++) sim[k][i] = sim[0][i] + sigma * (sim[k][i] - sim[0][i]);
          if (b != null) b.clip(sim[k]);
          if (!value(sim[k], k)) return;
        }
      }
    }

    /** out = a·xbar + c·worst, clipped to the bounds. */
    private void point(double[] out, double a, double c, double[] worst) {
      for (int i = 0; i < n; i++) out[i] = a * xbar[i] + c * worst[i];
      if (b != null) b.clip(out);
    }

    private void replaceWorst(double[] x, double f) {
      System.arraycopy(x, 0, sim[n], 0, n);
      fsim[n] = f;
    }

    /** Orders the vertices by value (a stable sort, NaN last). */
    private void sort() {
      Integer[] order = new Integer[n + 1];
      for (int k = 0; k <= n; k++) order[k] = k;
      Arrays.sort(order, (u, w) -> Double.compare(fsim[u], fsim[w]));
      double[][] s = new double[n + 1][];
      double[] f = new double[n + 1];
      for (int k = 0; k <= n; k++) {
        s[k] = sim[order[k]].clone();
        f[k] = fsim[order[k]];
      }
      for (int k = 0; k <= n; k++) {
        sim[k] = s[k];
        fsim[k] = f[k];
      }
    }
  }
}
