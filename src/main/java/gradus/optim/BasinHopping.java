package gradus.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code basinhopping(f, start, niter=100, stepsize=0.5, T=1, seed=0, bounds=...)} — SciPy's
 * basin hopping (Wales and Doye 1997): a local run from the start, then niter times: displace
 * the current minimum by uniform noise in [-stepsize, stepsize] per coordinate (clipped to the
 * bounds), run the local method from there, and accept the new minimum with the Metropolis
 * probability {@code min(1, exp(-(f_new - f_old)/T))} (T = 0 accepts only improvements; a run that
 * did not converge is accepted only if the current one did not either). Every 50 steps the step
 * size is divided by 0.9 if more than half of the steps were accepted so far, else multiplied by
 * 0.9. The reported minimum is the lowest converged local run. One {@link Mt19937} seeded with
 * {@code seed} draws the displacements and then the acceptance number of each step, as SciPy's
 * {@code basinhopping(..., seed=seed)} does (its default local method, BFGS with numerical
 * gradients, differs; Gradus's is lbfgs with the exact gradient).
 */
public final class BasinHopping {
  private static final int INTERVAL = 50;
  private static final double FACTOR = 0.9;
  private static final double TARGET_RATE = 0.5;

  private BasinHopping() {}

  public static Search run(Objective objective, double[] start, Method local, int niter,
      double stepsize, double temperature, long seed, Bounds box, RunOptions o, String describe) {
    if (niter < 0) throw Check.bad("niter", "niter must be >= 0, got " + niter);
    Check.positive("stepsize", stepsize);
    Check.nonNegative("T", temperature);
    long t0 = System.nanoTime();
    RunOptions each = o.withBounds(box).withLabel(null);
    Mt19937 rng = new Mt19937(seed);
    List<Result> runs = new ArrayList<>();
    Result current = Minimizer.run(objective, start, local, each.withLabel(local.describe() + " from the start"));
    runs.add(current);
    Result best = current;
    int bestStep = 0;
    int accepted = 0;
    double step = stepsize;
    int n = start.length;
    for (int k = 1; k <= niter && !o.interrupted(); k++) {
      if (k % INTERVAL == 0) step = (double) accepted / k > TARGET_RATE ? step / FACTOR : step * FACTOR;
      double[] x = current.x().clone();
      for (int i = 0; i < n; i++) x[i] += rng.uniform(-step, step);
      Result trial = Minimizer.run(objective, x, local, each.withLabel(local.describe() + " from hop " + k));
      runs.add(trial);
      if (accept(trial, current, temperature, rng.nextDouble())) {
        accepted++;
        current = trial;
        if (converged(trial) && (trial.f() < best.f() || !converged(best))) {
          best = trial;
          bestStep = k;
        }
      }
    }
    int hops = runs.size() - 1;
    String message = "Basin hopping: " + Search.plural(runs.size(), "local run") + ", "
        + accepted + " of " + Search.plural(hops, "hop") + " accepted; the lowest minimum "
        + (bestStep == 0 ? "is the start's" : "was found at hop " + bestStep)
        + " (the step size ended at " + Check.num(step) + ")"
        + (o.interrupted() ? "; interrupted." : ".");
    double time = (System.nanoTime() - t0) / 1e9;
    String status = o.interrupted() ? Result.INTERRUPTED : best.status();
    Result summary = Search.as(best, describe, o.label() != null ? o.label() : describe, status, message,
        Search.evaluations(runs), time);
    return new Search(summary, runs);
  }

  private static boolean converged(Result r) {
    return r.status().equals(Result.CONVERGED);
  }

  /** The Metropolis test with the uniform number u; equal values are always accepted. */
  static boolean accept(Result trial, Result current, double temperature, double u) {
    double delta = trial.f() - current.f();
    double w;
    if (delta <= 0) w = 1;
    else if (temperature == 0 || !Double.isFinite(delta)) w = 0;
    else w = Math.exp(-delta / temperature);
    return w >= u && (converged(trial) || !converged(current));
  }
}
