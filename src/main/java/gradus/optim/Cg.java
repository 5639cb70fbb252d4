package gradus.optim;

import java.util.List;

/**
 * {@code cg()} — nonlinear conjugate gradient, Polak–Ribière+ (Nocedal & Wright §5.2):
 * {@code beta = max(0, g₊ᵀ(g₊ - g)/gᵀg)}, {@code d₊ = -g₊ + beta d}, restarting with -g when
 * d is not a descent direction; a strong-Wolfe line search with c1 = 1e-4, c2 = 0.4 (SciPy's),
 * first trial step {@code min(1, 1.01*2*(f - f_prev)/gᵀd)} as in SciPy.
 */
public final class Cg extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("cg", List.of());

  public Cg() {
    super("cg()");
  }

  static Cg from(Args a) {
    return new Cg();
  }

  @Override
  public String name() {
    return "cg";
  }

  @Override
  Driver newDriver(Evaluator ev, int n) {
    return new Driver() {
      final double[] d = new double[n];
      final StrongWolfe ls = new StrongWolfe(ev, n, 1e-4, 0.4);
      boolean started = false;
      double prevF;

      @Override
      public Outcome step(Iterate cur, Iterate next, long t) {
        if (!started) {
          prevF = cur.f + Vec.norm2(cur.g) / 2;
          steepest(cur.g);
          started = true;
        }
        double derphi0 = ls.restrict(cur, d);
        if (!(derphi0 < 0)) {
          steepest(cur.g);
          derphi0 = ls.restrict(cur, d);
        }
        double a1 = 1.01 * 2 * (cur.f - prevF) / derphi0;
        a1 = a1 > 0 && Double.isFinite(a1) ? Math.min(1.0, a1) : 1.0;
        double a = ls.search(cur, d, derphi0, a1, next);
        if (Double.isNaN(a)) return Outcome.STALLED;
        prevF = cur.f;
        double gg = Vec.dot(cur.g, cur.g);
        double num = 0;
        for (int i = 0; i < n; i++) num += next.g[i] * (next.g[i] - cur.g[i]);
        double beta = Math.max(0, num / gg);
        for (int i = 0; i < n; i++) d[i] = -next.g[i] + beta * d[i];
        return Outcome.OK;
      }

      void steepest(double[] g) {
        for (int i = 0; i < n; i++) d[i] = -g[i];
      }
    };
  }
}
