package gradus.interp;

import gradus.lang.GradusError;
import gradus.optim.BadArgument;
import gradus.optim.FirstOrderMethod;
import gradus.optim.Method;
import gradus.optim.Methods;
import gradus.optim.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code benchmark(f, start, [m1, m2, ...], budget=1000, lrs=[...], seeds=5)} (SPEC §10.4): every
 * run gets the same budget of objective-and-gradient evaluations; seed k (0, 1, ...) starts at
 * {@code start + randn(n, seed=k, scale=0.001*k)} and shuffles minibatches with seed k; each
 * first-order method's lr is the one of {@code lrs} with the smallest median final f over the
 * seeds. Prints a table that names the budget and the metric, and returns, per method, the run
 * of the median seed with the chosen lr (its {@code runs} holds every seed's run).
 */
final class Benchmark {
  private Benchmark() {}

  static final List<String> PARAMS = List.of("f", "start", "methods", "budget?", "lrs?", "seeds?", "gtol?", "data?",
      "batch?", "epochs?", "shuffle?", "record?", "bounds?", "noise?");

  /** One method's runs over the seeds, at one lr. */
  private record Trial(OptimBuiltins.MethodValue method, List<Result> runs, double median) {
    double best() {
      return runs.stream().mapToDouble(Benchmark::finalF).min().orElse(Double.NaN);
    }

    double worst() {
      return runs.stream().mapToDouble(Benchmark::finalF).max().orElse(Double.NaN);
    }

    long evaluations() {
      return runs.stream().mapToLong(Result::evaluations).max().orElse(0);
    }

    /** The run whose final f is the median (the lower of the middle two for an even count). */
    Result medianRun() {
      List<Result> sorted = new ArrayList<>(runs);
      sorted.sort(Comparator.comparingDouble(Benchmark::finalF));
      return sorted.get((sorted.size() - 1) / 2);
    }
  }

  static Value run(Args a) {
    long budget = a.integer("budget", 1000);
    if (budget < 1) throw a.error("budget", "budget must be >= 1 evaluation, got " + budget);
    long seeds = a.integer("seeds", 5);
    if (seeds < 1 || seeds > 1000) throw a.error("seeds", "seeds must be between 1 and 1000, got " + seeds);
    double[] lrs = a.has("lrs") ? a.vector("lrs") : null;
    if (lrs != null) {
      if (lrs.length == 0) throw a.error("lrs", "lrs needs at least one learning rate");
      for (double lr : lrs) {
        if (!(lr > 0) || !Double.isFinite(lr)) throw a.error("lrs", "each lr must be a finite number > 0, got " + Printer.print(new Value.Num(lr)));
      }
    }
    double[] start = OptimBuiltins.start(a);
    List<Value> methods = a.items("methods");
    if (methods.isEmpty()) throw a.error("methods", "benchmark needs at least one method");
    List<Trial> chosen = new ArrayList<>();
    for (Value m : methods) {
      OptimBuiltins.MethodValue mv = methodValue(a, m);
      boolean tuned = lrs != null && mv.method() instanceof FirstOrderMethod;
      Trial best = null;
      for (OptimBuiltins.MethodValue candidate : tuned ? withRates(a, mv, lrs) : List.of(mv)) {
        Trial t = trial(a, candidate, start, budget, (int) seeds);
        if (best == null || rank(t.median()) < rank(best.median())) best = t;
      }
      chosen.add(best);
    }
    a.interp.out.println(table(a, chosen, budget, (int) seeds, lrs, start.length));
    a.interp.out.flush();
    List<Value> out = new ArrayList<>();
    for (Trial t : chosen) out.add(new ResultValue(t.medianRun(), t.runs()));
    return new Value.Lst(out);
  }

  private static OptimBuiltins.MethodValue methodValue(Args a, Value m) {
    if (m instanceof OptimBuiltins.MethodValue mv) return mv;
    OptimBuiltins.methodOf(a, m); // the error a non-method deserves
    throw a.error("methods", "benchmark takes optimizers such as adam(lr=0.1), got a " + m.kind());
  }

  /** The method made again with each rate (its other arguments kept). */
  private static List<OptimBuiltins.MethodValue> withRates(Args a, OptimBuiltins.MethodValue mv, double[] lrs) {
    List<OptimBuiltins.MethodValue> out = new ArrayList<>();
    for (double lr : lrs) {
      Map<String, Object> given = new LinkedHashMap<>(mv.given());
      given.put("lr", lr);
      if (mv.rule() != null) {
        out.add(mv.rule().configure(given, a));
        continue;
      }
      try {
        out.add(new OptimBuiltins.MethodValue(Methods.create(mv.method().name(), given), null, given));
      } catch (BadArgument e) {
        throw a.error("lrs", mv.method().name() + " with lr=" + Printer.print(new Value.Num(lr)) + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static Trial trial(Args a, OptimBuiltins.MethodValue m, double[] start, long budget, int seeds) {
    List<Result> runs = new ArrayList<>();
    Method method = m.method();
    for (int k = 0; k < seeds; k++) {
      Interrupts.check();
      long seed = k;
      Result r = OptimBuiltins.minimize(a, method, null, perturbed(start, k),
          o -> o.withBudget(budget).withSeed(seed));
      if (r.evaluations() > budget) {
        throw new GradusError(a.span, "internal error: " + r.label() + " made " + r.evaluations() + " evaluations, over the budget of " + budget);
      }
      runs.add(r);
    }
    double[] fs = runs.stream().mapToDouble(Benchmark::finalF).toArray();
    return new Trial(m, runs, median(fs));
  }

  /** start + randn(n, seed=k, scale=0.001*k): the same numbers as that Gradus expression. */
  static double[] perturbed(double[] start, int k) {
    double[] x = start.clone();
    if (k == 0) return x;
    java.util.Random random = new java.util.Random(k);
    double scale = 1e-3 * k;
    for (int i = 0; i < x.length; i++) x[i] += scale * random.nextGaussian();
    return x;
  }

  private static double finalF(Result r) {
    return r.f();
  }

  /** NumPy's median: the middle value, or the mean of the middle two. */
  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  /** A median as a rank: nan (a diverged run's f) last. */
  private static double rank(double median) {
    return Double.isNaN(median) ? Double.POSITIVE_INFINITY : median;
  }

  private static String table(Args a, List<Trial> trials, long budget, int seeds, double[] lrs, int n) {
    FunctionValue f = OptimBuiltins.minimizable(a);
    StringBuilder head = new StringBuilder("benchmark of ").append(f.name()).append(": a budget of ").append(budget)
        .append(" objective-and-gradient evaluations per run; metric: the final f over ").append(seeds)
        .append(seeds == 1 ? " seed" : " seeds").append(" (seed k starts at start + randn(").append(n)
        .append(", seed=k, scale=0.001*k))");
    if (lrs != null) head.append("; each first-order method's lr is the one of ").append(Printer.print(new Value.Vec(lrs)))
        .append(" with the smallest median");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"method", "lr", "median f", "best f", "worst f", "evaluations (max)"});
    for (Trial t : trials) {
      Method m = t.method().method();
      String lr = m instanceof FirstOrderMethod fo ? fo.learningRate().describe() : "-";
      rows.add(new String[] {m.describe(), lr, Printer.compact(t.median(), 6), Printer.compact(t.best(), 6),
          Printer.compact(t.worst(), 6), Long.toString(t.evaluations())});
    }
    return head + "\n" + ResultValue.align(rows, new boolean[] {false, true, true, true, true, true});
  }
}
