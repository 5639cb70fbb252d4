package gradus.optim;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code multistart(f, bounds=..., method=lbfgs(), n=100, seed=0)}: the method run from n starts
 * drawn uniformly in a finite box, every run bounded by the box, on {@code workers} threads. The
 * starts are NumPy's {@code np.random.RandomState(seed).uniform(lo, hi, size=(n, d))} ({@link
 * Mt19937}), so a Python user can rebuild them.
 * All starts are drawn before any run and the best is chosen in start order, so the answer does not
 * depend on the number of workers.
 */
public final class Multistart {
  private Multistart() {}

  public static Search run(Supplier<Objective> objectives, Bounds box, Method method, int n,
      long seed, RunOptions o, int workers, String describe) {
    if (!box.finite()) throw Check.bad("bounds", "multistart draws its starts from the box, so every bound must be finite");
    if (n < 1) throw Check.bad("n", "n must be >= 1, got " + n);
    long t0 = System.nanoTime();
    double[][] starts = starts(box, n, seed);
    RunOptions each = o.withBounds(box).withLabel(null);
    List<Result> runs;
    try (Parallel p = Parallel.open(workers, objectives)) {
      runs = p.map(n, (f, k) -> Minimizer.run(f, starts[k], method,
          each.withLabel(method.describe() + " from start " + (k + 1))));
    }
    Result best = Search.lowest(runs);
    if (best == null) best = runs.get(0);
    String message = "Best of " + Search.plural(n, method.name() + " run") + " from uniform starts in the"
        + " box: run " + (runs.indexOf(best) + 1) + " (" + best.status() + "); "
        + Search.reached(runs, best.f()) + " of " + n + " reached its value, "
        + Search.count(runs, Result.CONVERGED) + " converged.";
    double time = (System.nanoTime() - t0) / 1e9;
    String status = o.interrupted() ? Result.INTERRUPTED : best.status();
    Result summary = Search.as(best, describe, o.label() != null ? o.label() : describe, status, message,
        Search.evaluations(runs), time);
    return new Search(summary, runs);
  }

  /** n points uniform in the box, row by row: {@code RandomState(seed).uniform(lo, hi, (n, d))}. */
  static double[][] starts(Bounds box, int n, long seed) {
    Mt19937 rng = new Mt19937(seed);
    int d = box.dimension();
    double[][] out = new double[n][d];
    for (double[] x : out) for (int i = 0; i < d; i++) x[i] = rng.uniform(box.lo(i), box.hi(i));
    return out;
  }
}
