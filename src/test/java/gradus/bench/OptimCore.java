package gradus.bench;

import gradus.optim.ChainedRosenbrock;
import gradus.optim.Method;
import gradus.optim.Methods;
import gradus.optim.Minimizer;
import gradus.optim.Objective;
import gradus.optim.Result;
import gradus.optim.RunOptions;
import java.util.Arrays;
import java.util.Map;

/**
 * The optimizer core on hand-written objectives, for the bench/ scripts (not a test):
 * {@code adam} runs 10^7 Adam steps on 2-D Rosenbrock through {@link Minimizer#run} and as a
 * hand-written loop of the same update (same operations, so the same bits), alternating, and
 * prints both best times per step; {@code lbfgs} and {@code newton_cg} run the separable
 * extended Rosenbrock with 10^6 variables; {@code newton} the chained Rosenbrock with 1000.
 * Usage: {@code java -cp ... gradus.bench.OptimCore adam|lbfgs|newton_cg|newton [rounds]}.
 */
public final class OptimCore {
  private OptimCore() {}

  public static void main(String[] args) {
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    switch (args[0]) {
      case "adam" -> adam(rounds);
      case "lbfgs" -> separable("lbfgs", rounds);
      case "newton_cg" -> separable("newton_cg", rounds);
      case "newton" -> chained(rounds);
      default -> throw new IllegalArgumentException("adam, lbfgs, newton_cg or newton");
    }
  }

  static final Objective ROSENBROCK = new Objective() {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      double p = x[1] - x[0] * x[0];
      double q = 1 - x[0];
      g[0] = -400 * x[0] * p - 2 * q;
      g[1] = 200 * p;
      return 100 * p * p + q * q;
    }
  };

  /** torch.optim.Adam's update written out for two variables, with the same gradient. */
  static double[] adamLoop(long steps) {
    double x = -1.2;
    double y = 1;
    double m0 = 0;
    double m1 = 0;
    double v0 = 0;
    double v1 = 0;
    double lr = 0.001;
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-8;
    for (long t = 1; t <= steps; t++) {
      double p = y - x * x;
      double g0 = -400 * x * p - 2 * (1 - x);
      double g1 = 200 * p;
      double bc1 = 1 - Math.pow(b1, t);
      double bc2 = Math.sqrt(1 - Math.pow(b2, t));
      double step = lr / bc1;
      m0 = b1 * m0 + (1 - b1) * g0;
      v0 = b2 * v0 + (1 - b2) * g0 * g0;
      m1 = b1 * m1 + (1 - b1) * g1;
      v1 = b2 * v1 + (1 - b2) * g1 * g1;
      x -= step * m0 / (Math.sqrt(v0) / bc2 + eps);
      y -= step * m1 / (Math.sqrt(v1) / bc2 + eps);
    }
    return new double[] {x, y};
  }

  static void adam(int rounds) {
    long steps = 10_000_000;
    Method adam = Methods.create("adam", Map.of("lr", 0.001));
    RunOptions o = RunOptions.defaults().withSteps((int) steps).withGtol(0);
    double hand = Double.POSITIVE_INFINITY;
    double core = Double.POSITIVE_INFINITY;
    boolean same = true;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      double[] h = adamLoop(steps);
      hand = Math.min(hand, (System.nanoTime() - t0) / (double) steps);
      Result res = Minimizer.run(ROSENBROCK, new double[] {-1.2, 1}, adam, o);
      core = Math.min(core, res.time() * 1e9 / steps);
      same &= Arrays.equals(h, res.x());
    }
    System.out.printf("hand %.1f core %.1f same %b%n", hand, core, same);
  }

  /** f(x[n]) = sum(i in 1..n/2, 100*(x[2i] - x[2i-1]^2)^2 + (1 - x[2i-1])^2), with H·v. */
  static Objective separableRosenbrock(int n) {
    return new Objective() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double valueAndGradient(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < n; i += 2) {
          double p = x[i + 1] - x[i] * x[i];
          double q = 1 - x[i];
          f += 100 * p * p + q * q;
          g[i] = -400 * x[i] * p - 2 * q;
          g[i + 1] = 200 * p;
        }
        return f;
      }

      @Override
      public boolean hasHessianVector() {
        return true;
      }

      @Override
      public void hessianVector(double[] x, double[] v, double[] out) {
        for (int i = 0; i < n; i += 2) {
          double a = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
          double b = -400 * x[i];
          out[i] = a * v[i] + b * v[i + 1];
          out[i + 1] = b * v[i] + 200 * v[i + 1];
        }
      }
    };
  }

  static void separable(String method, int rounds) {
    int n = 1_000_000;
    double[] start = new double[n];
    for (int i = 0; i < n; i += 2) {
      start[i] = -1.2;
      start[i + 1] = 1;
    }
    for (int r = 0; r < rounds; r++) {
      Result res = Minimizer.run(separableRosenbrock(n), start, Methods.create(method, Map.of()),
          RunOptions.defaults().withGtol(1e-5));
      System.out.printf("%s %.3f s, %d iterations, %d evaluations, %d hessian products, gnorm %.3g%n",
          res.status(), res.time(), res.iterations(), res.evaluations(), res.hessianEvaluations(),
          res.gnorm());
    }
  }

  /** Chained Rosenbrock with 1000 variables and its tridiagonal Hessian, newton() to gtol. */
  static void chained(int rounds) {
    int n = 1000;
    Objective f = new ChainedRosenbrock(n, false);
    double[] start = ChainedRosenbrock.start(n);
    for (int r = 0; r < rounds; r++) {
      Result res = Minimizer.run(f, start, Methods.create("newton", Map.of()),
          RunOptions.defaults().withSteps(5000));
      System.out.printf("%s %.3f ms per iteration, %d iterations, f %.6g, gnorm %.3g%n",
          res.status(), res.time() * 1e3 / res.iterations(), res.iterations(), res.f(), res.gnorm());
    }
  }
}
