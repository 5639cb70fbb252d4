package gradus.optim;

import java.util.List;

/**
 * {@code lbfgs(m=10)} — limited-memory BFGS (Nocedal & Wright, Alg. 7.4/7.5): the direction
 * {@code d = -H g} comes from the two-loop recursion over the last m pairs (s, y), with
 * {@code H0 = gamma I}, {@code gamma = sᵀy/yᵀy} of the newest pair; a strong-Wolfe line search
 * (c1 = 1e-4, c2 = 0.9) tries step 1, except on the first iteration (and after a reset), where the
 * trial step is {@code min(1, 1/|g|₂)} as in L-BFGS-B. Pairs with sᵀy ≤ 0 are not stored; a failed
 * search clears the memory and retries once along -g.
 */
public final class Lbfgs extends LineSearchMethod {
  static final MethodSpec SPEC = new MethodSpec("lbfgs",
      List.of(new Param("m", 10, Param.Kind.INTEGER)));

  private final int m;

  public Lbfgs(int m) {
    super("lbfgs(m=" + m + ")");
    this.m = Check.atLeast("m", m, 1);
  }

  static Lbfgs from(Args a) {
    return new Lbfgs(a.integer("m"));
  }

  @Override
  public String name() {
    return "lbfgs";
  }

  @Override
  Driver newDriver(Evaluator ev, int n) {
    return new Driver() {
      final double[][] s = new double[m][n];
      final double[][] y = new double[m][n];
      final double[] rho = new double[m];
      final double[] alpha = new double[m];
      final double[] d = new double[n];
      final StrongWolfe ls = new StrongWolfe(ev, n, 1e-4, 0.9);
      int stored = 0;
      int newest = -1;

      @Override
      public Outcome step(Iterate cur, Iterate next, long t) {
        double a = Double.NaN;
        for (int attempt = 0; attempt < 2 && Double.isNaN(a); attempt++) {
          if (attempt == 1) {
            if (stored == 0 || ls.flat) break;
            stored = 0;
          }
          direction(cur.g);
          double derphi0 = Vec.dot(cur.g, d);
          if (!(derphi0 < 0)) {
            stored = 0;
            direction(cur.g);
            derphi0 = Vec.dot(cur.g, d);
          }
          double a1 = stored == 0 ? Math.min(1.0, 1.0 / Vec.norm2(cur.g)) : 1.0;
          a = ls.search(cur, d, derphi0, a1, next);
        }
        if (Double.isNaN(a)) return Outcome.STALLED;
        remember(cur, next);
        return Outcome.OK;
      }

      void direction(double[] g) {
        for (int i = 0; i < n; i++) d[i] = g[i];
        int k = newest;
        for (int c = 0; c < stored; c++) {
          alpha[k] = rho[k] * Vec.dot(s[k], d);
          double ak = alpha[k];
          double[] yk = y[k];
          for (int i = 0; i < n; i++) d[i] -= ak * yk[i];
          k = (k - 1 + m) % m;
        }
        if (stored > 0) {
          double gamma = Vec.dot(s[newest], y[newest]) / Vec.dot(y[newest], y[newest]);
          for (int i = 0; i < n; i++) d[i] *= gamma;
        }
        k = (newest - stored + 1 + m) % m;
        for (int c = 0; c < stored; c++) {
          double beta = rho[k] * Vec.dot(y[k], d);
          double coef = alpha[k] - beta;
          double[] sk = s[k];
          for (int i = 0; i < n; i++) d[i] += coef * sk[i];
          k = (k + 1) % m;
        }
        for (int i = 0; i < n; i++) d[i] = -d[i];
      }

      void remember(Iterate cur, Iterate next) {
        int k = (newest + 1) % m;
        double[] sk = s[k];
        double[] yk = y[k];
        for (int i = 0; i < n; i++) {
          sk[i] = next.x[i] - cur.x[i];
          yk[i] = next.g[i] - cur.g[i];
        }
        double sy = Vec.dot(sk, yk);
        if (!(sy > 1e-14 * Vec.norm2(sk) * Vec.norm2(yk))) return;
        rho[k] = 1 / sy;
        newest = k;
        stored = Math.min(stored + 1, m);
      }
    };
  }
}
