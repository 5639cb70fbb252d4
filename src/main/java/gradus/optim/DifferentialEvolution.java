package gradus.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code differential_evolution(f, bounds=..., seed=0)} — SciPy's differential evolution (Storn
 * and Price 1997) with its defaults: strategy best1bin, a population of popsize·n members (at
 * least 5) in Latin-hypercube order, mutation F drawn uniformly from [0.5, 1) each generation
 * (dithering), recombination 0.7, at most maxiter = 1000 generations, stopping when the standard
 * deviation of the population's values is at most {@code atol + tol·|mean|} (tol = 0.01, atol =
 * 0), then polished by L-BFGS-B from the best member (kept only if it converged lower). The
 * result's path is the best member of each generation, then the polish's iterates.
 *
 * <p>Members live in the unit cube and map linearly onto the box. A trial for member i is
 * {@code best + F·(r0 - r1)} (r0, r1 distinct members other than i) crossed with member i
 * (each coordinate from the mutant with probability 0.7, and one chosen coordinate always);
 * coordinates outside [0, 1] are redrawn uniformly. With updating "immediate" (SciPy's default)
 * a better trial replaces its member at once; with "deferred" a whole generation of trials is
 * made first and evaluated on {@code workers} threads, then selected. Every random number comes
 * from one {@link Mt19937} seeded with {@code seed}, drawn on the calling thread in SciPy's order,
 * so a run is SciPy's {@code differential_evolution(f, bounds, seed=seed)} draw for draw (up to
 * the rounding of f itself), and it does not depend on the number of workers. Evaluations are
 * function values, as SciPy's nfev; the polish adds its own (SciPy's polish differentiates
 * numerically, Gradus's uses the exact gradient, so the totals differ there).
 */
public final class DifferentialEvolution {
  /** The settings; SciPy's defaults are {@link #defaults()}. */
  public record Settings(int popsize, int maxiter, double tol, double atol, double mutationLo,
      double mutationHi, double recombination, boolean polish, boolean immediate) {
    public static Settings defaults() {
      return new Settings(15, 1000, 0.01, 0, 0.5, 1, 0.7, true, true);
    }

    public Settings {
      Check.atLeast("popsize", popsize, 1);
      Check.atLeast("maxiter", maxiter, 0);
      Check.nonNegative("tol", tol);
      Check.nonNegative("atol", atol);
      if (!(mutationLo >= 0 && mutationHi <= 2 && mutationLo <= mutationHi)) {
        throw Check.bad("mutation", "mutation must be a number or a range [lo, hi] within [0, 2], got ["
            + Check.num(mutationLo) + ", " + Check.num(mutationHi) + "]");
      }
      Check.unitClosed("recombination", recombination);
    }
  }

  private final Bounds box;
  private final Settings s;
  private final Mt19937 rng;
  private final int d;
  private final int np;
  private final double[][] pop;
  private final double[] energy;
  private final int[] index;
  private long evaluations;
  private double scale;

  private DifferentialEvolution(Bounds box, Settings s, long seed) {
    this.box = box;
    this.s = s;
    this.rng = new Mt19937(seed);
    this.d = box.dimension();
    int moving = 0;
    for (int i = 0; i < d; i++) if (box.lo(i) < box.hi(i)) moving++;
    // as SciPy: popsize members per coordinate that can move, at least 5
    this.np = Math.max(5, s.popsize() * Math.max(1, moving));
    this.pop = new double[np][d];
    this.energy = new double[np];
    this.index = new int[np];
    for (int i = 0; i < np; i++) index[i] = i;
  }

  /** Runs the search; {@code describe} is the reported method string (the call as given). */
  public static Search run(Supplier<Objective> objectives, Bounds box, Settings s, long seed,
      RunOptions o, int workers, String describe) {
    if (!box.finite()) throw Check.bad("bounds", "differential_evolution searches a box: every bound must be finite");
    long t0 = System.nanoTime();
    DifferentialEvolution de = new DifferentialEvolution(box, s, seed);
    try (Parallel p = Parallel.open(s.immediate() ? 1 : workers, objectives)) {
      return de.solve(p, o, t0, describe);
    }
  }

  private Search solve(Parallel p, RunOptions o, long t0, String describe) {
    Result evolution = evolve(p, o, t0, describe);
    List<Result> runs = new ArrayList<>(List.of(evolution));
    Result best = evolution;
    String note = "";
    if (s.polish() && !evolution.status().equals(Result.INTERRUPTED)) {
      Method lbfgs = Methods.defaultMethod();
      Result polished = Minimizer.run(p.local(), evolution.x(), lbfgs,
          o.withBounds(box).withLabel("polish: " + lbfgs.describe()));
      runs.add(polished);
      boolean better = polished.status().equals(Result.CONVERGED) && polished.f() < evolution.f();
      if (better) best = Search.joined(evolution, polished);
      note = better ? " Polished by L-BFGS-B from f = " + Check.num(evolution.f()) + "."
          : " L-BFGS-B's polish did not improve it.";
    }
    double time = (System.nanoTime() - t0) / 1e9;
    Result summary = Search.as(best, describe, o.label() != null ? o.label() : describe, evolution.status(),
        evolution.message() + note, Search.evaluations(runs), time);
    return new Search(summary, runs);
  }

  /** The generations, as a run whose path is the best member of each; its gradient is for the record. */
  private Result evolve(Parallel p, RunOptions o, long t0, String describe) {
    latinHypercube();
    evaluateAll(p, pop, energy);
    promoteLowest();
    List<double[]> bestPath = new ArrayList<>();
    DoubleList bestValues = new DoubleList();
    bestPath.add(point(pop[0]));
    bestValues.add(energy[0]);
    int generation = 0;
    String status = Result.MAX_STEPS;
    while (generation < s.maxiter()) {
      if (o.interrupted()) {
        status = Result.INTERRUPTED;
        break;
      }
      scale = rng.uniform(s.mutationLo(), s.mutationHi());
      if (s.immediate()) immediateGeneration(p.local());
      else deferredGeneration(p);
      generation++;
      bestPath.add(point(pop[0]));
      bestValues.add(energy[0]);
      if (converged()) {
        status = Result.CONVERGED;
        break;
      }
    }
    double[] x = point(pop[0]);
    double[] g = new double[d];
    p.local().valueAndGradient(x, g);
    double[] pg = g.clone();
    box.projectedGradient(x, g, pg);
    int rows = bestPath.size();
    double[] gnorms = new double[rows];
    Arrays.fill(gnorms, Double.NaN);
    gnorms[rows - 1] = Vec.normInf(pg);
    long[] its = new long[rows];
    for (int k = 0; k < rows; k++) its[k] = k;
    String what = switch (status) {
      case Result.CONVERGED -> "the population's values agree within tol after " + Search.plural(generation, "generation");
      case Result.INTERRUPTED -> "interrupted after " + Search.plural(generation, "generation");
      default -> "reached maxiter = " + s.maxiter() + " generations without the values agreeing within tol";
    };
    double[] values = bestValues.toArray();
    return new Result(x, energy[0], pg, gnorms[rows - 1], generation, evaluations, status,
        "Evolution of " + np + " members: " + what + ".", bestPath.toArray(new double[0][]), values,
        describe, "evolution", (System.nanoTime() - t0) / 1e9, new double[0], its, 0, 0, gnorms,
        values);
  }

  /** SciPy's init_population_lhs: one uniform sample per stratum, strata shuffled per coordinate. */
  private void latinHypercube() {
    double seg = 1.0 / np;
    double[][] samples = new double[np][d];
    for (int k = 0; k < np; k++) {
      for (int i = 0; i < d; i++) samples[k][i] = seg * rng.nextDouble() + k * seg;
    }
    for (int i = 0; i < d; i++) {
      int[] order = permutation(np);
      for (int k = 0; k < np; k++) pop[k][i] = samples[order[k]][i];
    }
  }

  private int[] permutation(int k) {
    int[] p = new int[k];
    for (int i = 0; i < k; i++) p[i] = i;
    rng.shuffle(p);
    return p;
  }

  private void immediateGeneration(Objective f) {
    double[] x = new double[d];
    for (int c = 0; c < np; c++) {
      double[] trial = mutate(c);
      toBox(trial, x);
      double e = f.value(x);
      evaluations++;
      if (e <= energy[c] || Double.isNaN(energy[c])) {
        pop[c] = trial;
        energy[c] = e;
        if (e <= energy[0]) promoteLowest();
      }
    }
  }

  private void deferredGeneration(Parallel p) {
    double[][] trials = new double[np][];
    for (int c = 0; c < np; c++) trials[c] = mutate(c);
    double[] e = new double[np];
    evaluateAll(p, trials, e);
    for (int c = 0; c < np; c++) {
      if (e[c] <= energy[c] || Double.isNaN(energy[c])) {
        pop[c] = trials[c];
        energy[c] = e[c];
      }
    }
    promoteLowest();
  }

  private void evaluateAll(Parallel p, double[][] members, double[] out) {
    List<Double> values = p.map(members.length, (f, k) -> f.value(point(members[k])));
    for (int k = 0; k < members.length; k++) out[k] = values.get(k);
    evaluations += members.length;
  }

  /** best1bin: the best member plus F times the difference of two others, crossed with member c. */
  private double[] mutate(int c) {
    int fill = rng.below(d);
    rng.shuffle(index);
    int r0 = -1;
    int r1 = -1;
    for (int k = 0; k < np && r1 < 0; k++) {
      if (index[k] == c) continue;
      if (r0 < 0) r0 = index[k];
      else r1 = index[k];
    }
    double[] trial = pop[c].clone();
    for (int i = 0; i < d; i++) {
      boolean cross = rng.nextDouble() < s.recombination() || i == fill;
      if (cross) trial[i] = pop[0][i] + scale * (pop[r0][i] - pop[r1][i]);
    }
    for (int i = 0; i < d; i++) if (trial[i] < 0 || trial[i] > 1) trial[i] = rng.nextDouble();
    return trial;
  }

  private boolean converged() {
    double mean = 0;
    for (double e : energy) {
      if (!Double.isFinite(e)) return false;
      mean += e;
    }
    mean /= np;
    double var = 0;
    for (double e : energy) var += (e - mean) * (e - mean);
    return Math.sqrt(var / np) <= s.atol() + s.tol() * Math.abs(mean);
  }

  /** Swaps the lowest-valued member (the first of equals) into place 0. */
  private void promoteLowest() {
    int l = 0;
    for (int k = 1; k < np; k++) if (energy[k] < energy[l] || Double.isNaN(energy[l])) l = k;
    double[] t = pop[0];
    pop[0] = pop[l];
    pop[l] = t;
    double e = energy[0];
    energy[0] = energy[l];
    energy[l] = e;
  }

  private double[] point(double[] u) {
    double[] x = new double[d];
    toBox(u, x);
    return x;
  }

  /** SciPy's {@code _scale_parameters}: the middle of the box plus (u - 0.5) times its width. */
  private void toBox(double[] u, double[] x) {
    for (int i = 0; i < d; i++) {
      x[i] = 0.5 * (box.lo(i) + box.hi(i)) + (u[i] - 0.5) * Math.abs(box.lo(i) - box.hi(i));
    }
  }
}
