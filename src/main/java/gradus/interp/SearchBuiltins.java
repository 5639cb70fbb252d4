package gradus.interp;

import gradus.compile.CompiledFunction;

import static gradus.interp.Builtins.add;

import gradus.compile.Compiler;
import gradus.optim.BadArgument;
import gradus.optim.BasinHopping;
import gradus.optim.Bounds;
import gradus.optim.CriticalPoints;
import gradus.optim.DifferentialEvolution;
import gradus.optim.Method;
import gradus.optim.Methods;
import gradus.optim.Multistart;
import gradus.optim.Objective;
import gradus.optim.RunOptions;
import gradus.optim.Search;
import gradus.sym.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Bounds, global searches, critical points and landscape slices (SPEC §10.5). */
final class SearchBuiltins {
  private SearchBuiltins() {}

  static void register(Map<String, Builtin> t) {
    add(t, "multistart", List.of("f", "bounds", "method?", "n?", "seed?", "workers?", "steps?", "gtol?", "label?"),
        "multistart(f, bounds=[lo, hi], method=lbfgs(), n=100, seed=0, workers=-1): the method from n uniform starts"
            + " in the box, on all cores; the best result, with every run in r.runs",
        SearchBuiltins::multistart);
    add(t, "basinhopping", List.of("f", "start", "niter?", "stepsize?", "T?", "seed?", "bounds?", "method?", "steps?",
            "gtol?", "label?"),
        "basinhopping(f, start, niter=100, stepsize=0.5, T=1, seed=0, bounds=..., method=lbfgs()): SciPy's basin"
            + " hopping; the lowest local minimum, with every local run in r.runs",
        SearchBuiltins::basinhopping);
    add(t, "differential_evolution", List.of("f", "bounds", "seed?", "popsize?", "maxiter?", "tol?", "atol?",
            "mutation?", "recombination?", "polish?", "updating?", "workers?", "label?"),
        "differential_evolution(f, bounds=[lo, hi], seed=0, popsize=15, maxiter=1000, tol=0.01, mutation=[0.5, 1],"
            + " recombination=0.7, polish=true, updating=\"immediate\", workers=1): SciPy's best1bin search; r.runs"
            + " holds the evolution and the L-BFGS-B polish",
        SearchBuiltins::differentialEvolution);
    add(t, "critical_points", List.of("f", "bounds", "n?", "seed?", "workers?"),
        "critical_points(f, bounds=[lo, hi], n=200, seed=0): the distinct points in the box where the gradient"
            + " vanishes, each with x, f, kind (minimum, maximum, saddle, degenerate) and eigenvalues",
        SearchBuiltins::criticalPoints);
    add(t, "classify", List.of("f", "p", "gtol?", "bounds?"),
        "classify(f, p, gtol=1e-6, bounds=...): the kind of the point p (minimum, maximum, saddle, degenerate, or"
            + " \"not critical\" when |grad f(p)| > gtol) and its Hessian's eigenvalues; with bounds=, by the"
            + " projected gradient and the Hessian over the coordinates no bound holds",
        SearchBuiltins::classify);
    SliceValue.register(t);
  }

  private static Value multistart(Args a) {
    FunctionValue f = plainFunction(a);
    Bounds box = finite(a, bounds(a, "bounds", f.signature().dimension(), f.name()));
    Method m = a.has("method") ? OptimBuiltins.methodOf(a, a.get("method")) : Methods.defaultMethod();
    int n = count(a, "n", 100, 1, RUN_CAP);
    long seed = a.integer("seed", 0);
    int workers = workers(a, -1);
    RunOptions o = OptimBuiltins.options(a, label(a));
    String describe = "multistart(" + m.describe() + ", n=" + n + ", seed=" + seed + ")";
    Search s = guarded(a, () -> Multistart.run(objectives(f), box, m, n, seed, o, workers, describe));
    return new ResultValue(s.best(), s.runs());
  }

  private static Value basinhopping(Args a) {
    FunctionValue f = plainFunction(a);
    int d = f.signature().dimension();
    double[] start = Starts.point(f, a.get("start"), a.spanOf("start"));
    Bounds box = a.has("bounds") ? bounds(a, "bounds", d, f.name()) : null;
    Method m = a.has("method") ? OptimBuiltins.methodOf(a, a.get("method")) : Methods.defaultMethod();
    int niter = count(a, "niter", 100, 0, RUN_CAP);
    double stepsize = a.number("stepsize", 0.5);
    double temperature = a.number("T", 1);
    long seed = a.integer("seed", 0);
    RunOptions o = OptimBuiltins.options(a, label(a));
    String describe = "basinhopping(" + m.describe() + ", niter=" + niter + ", stepsize=" + Numbers.format(stepsize)
        + ", T=" + Numbers.format(temperature) + ", seed=" + seed + ")";
    Search s = guarded(a, () -> BasinHopping.run(OptimBuiltins.objective(f), start, m, niter, stepsize, temperature,
        seed, box, o, describe));
    return new ResultValue(s.best(), s.runs());
  }

  private static Value differentialEvolution(Args a) {
    FunctionValue f = plainFunction(a);
    Bounds box = finite(a, bounds(a, "bounds", f.signature().dimension(), f.name()));
    DifferentialEvolution.Settings d = DifferentialEvolution.Settings.defaults();
    double[] mutation = {d.mutationLo(), d.mutationHi()};
    if (a.has("mutation")) {
      mutation = a.vector("mutation");
      if (mutation.length == 1) mutation = new double[] {mutation[0], mutation[0]};
      if (mutation.length != 2) {
        throw a.error("mutation", "mutation must be a number or a range [lo, hi] (dithering), got " + mutation.length
            + " numbers");
      }
    }
    int workers = workers(a, 1);
    String updating = a.string("updating", workers == 1 ? "immediate" : "deferred");
    if (!updating.equals("immediate") && !updating.equals("deferred")) {
      throw a.error("updating", "updating must be \"immediate\" or \"deferred\", got \"" + updating + "\"");
    }
    if (updating.equals("immediate") && workers != 1) {
      throw a.error("workers", "updating=\"immediate\" evaluates one trial at a time, so it runs on one worker;"
          + " use updating=\"deferred\" to evaluate a generation on " + (workers < 0 ? "all cores" : workers + " workers"));
    }
    double[] mu = mutation;
    DifferentialEvolution.Settings s = guarded(a, () -> new DifferentialEvolution.Settings(
        count(a, "popsize", d.popsize(), 1, 10_000), count(a, "maxiter", d.maxiter(), 0, 10_000_000), a.number("tol", d.tol()),
        a.number("atol", d.atol()), mu[0], mu[1], a.number("recombination", d.recombination()),
        a.bool("polish", d.polish()), updating.equals("immediate")));
    long seed = a.integer("seed", 0);
    RunOptions o = OptimBuiltins.options(a, label(a));
    String describe = describeCall(a, "differential_evolution", List.of("seed", "popsize", "maxiter", "tol", "atol",
        "mutation", "recombination", "polish", "updating", "workers"));
    Search r = guarded(a, () -> DifferentialEvolution.run(objectives(f), box, s, seed, o, workers, describe));
    return new ResultValue(r.best(), r.runs());
  }

  private static Value criticalPoints(Args a) {
    FunctionValue f = plainFunction(a);
    Bounds box = finite(a, bounds(a, "bounds", f.signature().dimension(), f.name()));
    int n = count(a, "n", 200, 1, RUN_CAP);
    long seed = a.integer("seed", 0);
    int workers = workers(a, -1);
    List<CriticalPoints.Point> points = guarded(a, () -> CriticalPoints.find(objectives(f), box, n, seed, workers,
        a.interp.interrupt));
    List<Value> out = new ArrayList<>();
    for (CriticalPoints.Point p : points) out.add(new CriticalPointValue(p));
    return new Value.Lst(out);
  }

  private static Value classify(Args a) {
    FunctionValue f = plainFunction(a);
    double[] p = a.vector("p");
    if (p.length != f.signature().dimension()) {
      throw a.error("p", "the point has " + p.length + " number" + (p.length == 1 ? "" : "s") + ", but " + f.name()
          + " takes " + FunctionValue.describeArity(f.signature()));
    }
    double gtol = a.number("gtol", 1e-6);
    if (!(gtol >= 0)) throw a.error("gtol", "gtol must be >= 0, got " + Numbers.format(gtol));
    if (a.has("bounds")) {
      Bounds box = bounds(a, "bounds", p.length, f.name());
      if (!box.contains(p)) throw a.error("p", "the point lies outside the bounds");
      return new CriticalPointValue(guarded(a, () -> CriticalPoints.classify(OptimBuiltins.objective(f), p, gtol, box)));
    }
    return new CriticalPointValue(guarded(a, () -> CriticalPoints.classify(OptimBuiltins.objective(f), p, gtol)));
  }

  /**
   * One objective per worker thread, since a compiled function is not thread-safe: each a copy
   * of the function's compiled form (the generated code is shared, the scratch space is not).
   */
  static Supplier<Objective> objectives(FunctionValue f) {
    CompiledFunction c = f.compiled();
    return () -> OptimBuiltins.objective(c.copy());
  }

  /** The argument f as a declared scalar function (it may have data fields). */
  static FunctionValue declared(Args a) {
    return declared(a, "");
  }

  /** As {@link #declared(Args)}; the error says what the function is for ({@code " to minimize"}). */
  static FunctionValue declared(Args a, String purpose) {
    Value fv = a.get("f");
    if (!(fv instanceof FunctionValue f) || !f.isDeclared()) {
      throw a.error("f", a.fn + " needs a declared scalar function" + purpose + ", got "
          + (fv instanceof FunctionValue g ? g.name() + ", which is " + g.describeShape() : "a " + fv.kind()));
    }
    return f;
  }

  /** The argument f: a declared function of its variables alone (no data fields). */
  private static FunctionValue plainFunction(Args a) {
    FunctionValue f = declared(a);
    if (f.signature().fieldCount() > 0) {
      throw a.error("f", a.fn + " works on functions of their variables alone; " + f.name() + " has data fields ("
          + FunctionValue.names(f.signature().fields()) + ")");
    }
    return f;
  }

  /**
   * {@code bounds=[lo, hi]} (the same interval for every coordinate) or
   * {@code bounds=[[lo1, hi1], ...]} (one interval per coordinate) for a function of n numbers.
   */
  static Bounds bounds(Args a, String name, int n, String fname) {
    Value v = Values.numericOrSelf(a.get(name));
    try {
      if (v instanceof Value.Vec vec) {
        double[] lh = vec.v();
        if (lh.length != 2) {
          throw a.error(name, name + "=[lo, hi] takes two numbers, got " + lh.length
              + "; give one interval per variable as [[lo1, hi1], [lo2, hi2], ...]");
        }
        return Bounds.uniform(n, lh[0], lh[1]);
      }
      if (v instanceof Value.Mat m) {
        double[][] rows = m.m();
        if (rows[0].length != 2) {
          throw a.error(name, name + " must be [lo, hi] or a list of [lo, hi] pairs, got rows of "
              + rows[0].length + " numbers");
        }
        if (rows.length != n) {
          throw a.error(name, name + " gives " + rows.length + " interval" + (rows.length == 1 ? "" : "s")
              + ", but " + fname + " takes " + n + " number" + (n == 1 ? "" : "s")
              + "; give one [lo, hi] per variable, or one [lo, hi] for all");
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
          lo[i] = rows[i][0];
          hi[i] = rows[i][1];
        }
        return Bounds.of(lo, hi);
      }
    } catch (BadArgument e) {
      throw a.error(name, e.getMessage());
    }
    throw a.error(name, name + " must be [lo, hi] or [[lo1, hi1], [lo2, hi2], ...], got a " + a.get(name).kind());
  }

  private static Bounds finite(Args a, Bounds box) {
    if (!box.finite()) {
      throw a.error("bounds", a.fn + " samples the box, so every bound must be finite (no -inf or inf)");
    }
    return box;
  }

  /** The most runs a search keeps (each result holds its path). */
  private static final int RUN_CAP = 100_000;

  private static int count(Args a, String name, int fallback, int min, int max) {
    long v = a.integer(name, fallback);
    if (v < min) throw a.error(name, name + " must be >= " + min + ", got " + v);
    if (v > max) throw a.error(name, name + " must be at most " + max + ", got " + v);
    return (int) v;
  }

  /** workers=k (k ≥ 1) or -1 for every core, as SciPy's {@code workers}. */
  private static int workers(Args a, int fallback) {
    long w = a.integer("workers", fallback);
    if (w == -1) return -1;
    if (w < 1 || w > 1024) throw a.error("workers", "workers must be >= 1, or -1 for all cores, got " + w);
    return (int) w;
  }

  private static String label(Args a) {
    return a.has("label") ? a.string("label") : null;
  }

  /** {@code name(k=v, ...)} with the keyword arguments given, in the order of {@code keys}. */
  private static String describeCall(Args a, String name, List<String> keys) {
    List<String> parts = new ArrayList<>();
    for (String k : keys) if (a.has(k)) parts.add(k + "=" + Printer.inner(a.get(k)));
    return name + "(" + String.join(", ", parts) + ")";
  }

  /** Runs optimizer code, turning its argument errors into errors at the call's arguments. */
  private static <T> T guarded(Args a, Supplier<T> work) {
    try {
      return work.get();
    } catch (BadArgument e) {
      throw a.has(e.parameter()) ? a.error(e.parameter(), e.getMessage()) : a.error(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
  }
}
