package gradus.interp;

import static gradus.interp.Builtins.add;

import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.optim.BadArgument;
import gradus.optim.Method;
import gradus.optim.MethodSpec;
import gradus.optim.Methods;
import gradus.optim.Minimizer;
import gradus.optim.Objective;
import gradus.optim.Param;
import gradus.optim.Progress;
import gradus.optim.Result;
import gradus.optim.RunOptions;
import gradus.optim.Schedule;
import gradus.optim.Schedules;
import gradus.sym.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Optimizers, schedules, minimize, compare and save. */
final class OptimBuiltins {
  private OptimBuiltins() {}

  static final List<String> RUN_PARAMS = List.of("steps?", "gtol?", "label?", "data?", "batch?", "epochs?", "seed?",
      "shuffle?", "record?", "bounds?", "test?", "noise?", "state?");

  static void register(Map<String, Builtin> t) {
    Methods.numberFormat = Numbers::format;
    for (MethodSpec spec : Methods.specs().values()) {
      add(t, spec.name(), optional(spec), "the " + spec.name() + " optimizer: " + signature(spec),
          a -> new MethodValue((Method) create(a, spec, true), null, given(a, spec)));
    }
    for (MethodSpec spec : Schedules.specs().values()) {
      add(t, spec.name(), optional(spec), "a learning-rate schedule: " + signature(spec),
          a -> new ScheduleValue((Schedule) create(a, spec, false)));
    }
    List<String> minimizeParams = new ArrayList<>(List.of("f", "start", "method?"));
    minimizeParams.addAll(RUN_PARAMS);
    add(t, "minimize", minimizeParams, "minimize(f, start, method=lbfgs(), steps=1000, gtol=1e-6, label=..., data=..., batch=..., epochs=..., seed=0, bounds=[lo, hi])",
        a -> result(a, minimize(a, recording(a, a.get("method"), methodOf(a, a.get("method"))), labelOf(a))));
    List<String> compareParams = new ArrayList<>(List.of("f", "start", "methods"));
    compareParams.addAll(RUN_PARAMS);
    add(t, "compare", compareParams, "compare(f, start, [m1, m2, ...], ...): runs each method and returns the list of results", a -> {
      if (a.has("label")) {
        throw a.error("label", "compare labels each run with its method; give label= to minimize, one run at a time");
      }
      List<Value> results = new ArrayList<>();
      for (Value m : a.items("methods")) results.add(result(a, minimize(a, recording(a, m, methodOf(a, m)), null)));
      return new Value.Lst(results);
    });
    add(t, "save", List.of("value", "path"), "save(value, \"file.json\" or \"file.csv\") writes a value or results", a -> {
      Save.save(a.get("value"), a.string("path"), a);
      return Value.None.NONE;
    });
  }

  private static List<String> optional(MethodSpec spec) {
    List<String> out = new ArrayList<>();
    for (Param p : spec.params()) out.add(p.required() ? p.name() : p.name() + "?");
    return out;
  }

  static String signature(MethodSpec spec) {
    List<String> parts = new ArrayList<>();
    for (Param p : spec.params()) {
      parts.add(p.required() ? p.name() : p.name() + "=" + show(p.defaultValue()));
    }
    return spec.name() + "(" + String.join(", ", parts) + ")";
  }

  private static String show(Object v) {
    if (v instanceof Number n) return Numbers.format(n.doubleValue());
    if (v instanceof Boolean b) return b ? "true" : "false";
    return String.valueOf(v);
  }

  /** The arguments of a call by name, as {@link Methods#create} takes them. */
  private static Map<String, Object> given(Args a, MethodSpec spec) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (Param p : spec.params()) {
      if (!a.has(p.name())) continue;
      given.put(p.name(), convert(a, p));
    }
    return given;
  }

  private static Object create(Args a, MethodSpec spec, boolean method) {
    Map<String, Object> given = given(a, spec);
    try {
      return method ? Methods.create(spec.name(), given) : Schedules.create(spec.name(), given);
    } catch (BadArgument e) {
      throw a.has(e.parameter()) ? a.error(e.parameter(), e.getMessage()) : a.error(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
  }

  private static Object convert(Args a, Param p) {
    Value v = a.get(p.name());
    String what = a.fn + "'s " + p.name();
    return switch (p.kind()) {
      case BOOLEAN -> Values.bool(v, what, a.spanOf(p.name()));
      case INTEGER -> {
        long n = Values.integer(v, what, a.spanOf(p.name()));
        if (Math.abs(n) > Integer.MAX_VALUE) throw a.error(p.name(), p.name() + " is too large: " + Numbers.format(n));
        yield (int) n;
      }
      case RATE -> v instanceof ScheduleValue s ? s.schedule() : Values.number(v, what + " (a number or a schedule such as step_lr(0.1, 10))", a.spanOf(p.name()));
      case NUMBER -> Values.number(v, what, a.spanOf(p.name()));
    };
  }

  static Method methodOf(Args a, Value v) {
    if (v == null) return Methods.defaultMethod();
    if (v instanceof MethodValue m) return m.method();
    if (v instanceof Builtin b && Methods.specs().containsKey(b.name())) {
      throw a.error("method", "write " + b.name() + "() with parentheses to make the optimizer");
    }
    throw a.error("method", "a method must be an optimizer such as adam(lr=0.1), got a " + v.kind());
  }

  /**
   * The method a run uses. With state=true a built-in first-order method runs as its rule written
   * in Gradus (describe(m)), which reports its states: the same operations, so the same bits
   * (BuiltinRulesTest checks every one).
   */
  static Method recording(Args a, Value v, Method m) {
    if (!a.bool("state", false) || !(v instanceof MethodValue mv) || mv.rule() != null) return m;
    OptimizerDecl rule = OptimizerDocs.builtinRules().get(m.name());
    return rule == null ? m : rule.configure(mv.given(), a).method();
  }

  private static String labelOf(Args a) {
    return a.has("label") ? a.string("label") : null;
  }

  /** The argument f as a declared scalar function (it may have data fields). */
  static FunctionValue minimizable(Args a) {
    return SearchBuiltins.declared(a, " to minimize");
  }

  static Result minimize(Args a, Method method, String label) {
    return minimize(a, method, label, start(a), o -> o);
  }

  /** The argument start, checked against f's variables. */
  static double[] start(Args a) {
    FunctionValue f = minimizable(a);
    double[] start = Starts.point(f, a.get("start"), a.spanOf("start"));
    if (a.has("test")) {
      // checked before the run, so a bad test set is not found only after a long training
      if (!a.has("data")) throw a.error("test", "test= is a held-out data set for a loss over data: give data= too");
      DataSupport.pack(f, a.get("test"), a.spanOf("test"));
    }
    return start;
  }

  /** One run of the call's f with its options, from {@code start}, with the options {@code adjust} changes. */
  static Result minimize(Args a, Method method, String label, double[] start, java.util.function.UnaryOperator<RunOptions> adjust) {
    FunctionValue f = minimizable(a);
    int n = f.signature().dimension();
    RunOptions opts = adjust.apply(options(a, label));
    if (a.has("bounds")) opts = opts.withBounds(SearchBuiltins.bounds(a, "bounds", n, f.name()));
    Objective objective;
    if (a.has("data")) {
      objective = DataSupport.batchObjective(f, a.get("data"), a.spanOf("data"));
    } else {
      if (f.signature().fieldCount() > 0) {
        throw a.error("f", f.name() + " has data fields (" + FunctionValue.names(f.signature().fields())
            + "): give the data with data=...");
      }
      for (String k : List.of("batch", "epochs")) {
        if (a.has(k)) throw a.error(k, k + "= needs data=...: it counts rows of a data set");
      }
      objective = objective(f);
    }
    if (method.needsFullBatch() && a.has("batch")) {
      throw a.error("batch", method.describe() + " needs full batches: drop batch=, or use a first-order method such as sgd or adam");
    }
    // The flag stays set after an interrupted run, so that the rest of a compare(...) or an
    // enclosing loop stops too; the REPL clears it before each line.
    Progress progress = a.interp.progress == null ? null
        : a.interp.progress.apply(opts.label() != null ? opts.label() : method.describe());
    try {
      Result r = Minimizer.run(objective, start, method, opts.withProgress(progress));
      if (r.status().equals(Result.INTERRUPTED)) a.interp.noteInterrupted(r);
      return r;
    } catch (BadArgument e) {
      throw a.has(e.parameter()) ? a.error(e.parameter(), e.getMessage()) : a.error(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    } finally {
      if (progress != null) progress.done(); // also when the objective throws: never leave a progress line behind
    }
  }

  /**
   * A run as a value; with {@code test=d}, also the mean loss over d's rows at each recorded
   * point (the start and after each epoch in a data run), which convergence() draws beside the
   * training loss — Keras's validation data, PyTorch's evaluation loop.
   */
  static ResultValue result(Args a, Result r) {
    if (!a.has("test")) return new ResultValue(r);
    FunctionValue f = minimizable(a);
    DataSupport.Packed p = DataSupport.pack(f, a.get("test"), a.spanOf("test"));
    gradus.compile.CompiledFunction c = f.compiled();
    double[][] points = testPoints(r);
    double[] out = new double[points.length];
    for (int k = 0; k < points.length; k++) {
      double sum = 0;
      for (int row = 0; row < p.count(); row++) {
        Interrupts.every(row);
        sum += c.value(points[k], p.rows(), row * p.stride());
      }
      out[k] = sum / p.count();
    }
    return new ResultValue(r, List.of(), out);
  }

  /**
   * Where the held-out loss is taken: at the points r.values belongs to — each recorded point of
   * a full-batch run; in a minibatch run the start and each epoch's end (the last recorded point
   * at or before that update, should the path have been thinned with record=).
   */
  private static double[][] testPoints(Result r) {
    double[][] path = r.path();
    boolean minibatch = r.epochs() > 0 && r.batchLosses() != null && r.batchLosses().length > 0;
    long[] its = r.pathIterations();
    if (!minibatch || its == null || its.length != path.length || path.length == 0) return path;
    int n = r.values().length;
    double[][] out = new double[n][];
    double perEpoch = (double) r.iterations() / r.epochs();
    int q = 0;
    for (int e = 0; e < n; e++) {
      long want = e == n - 1 ? r.iterations() : Math.round(e * perEpoch);
      while (q + 1 < its.length && its[q + 1] <= want) q++;
      out[e] = path[q];
    }
    return out;
  }

  static RunOptions options(Args a, String label) {
    RunOptions o = RunOptions.defaults().withInterrupt(a.interp.interrupt).withLabel(label);
    if (a.has("steps")) o = o.withSteps(positiveInt(a, "steps", 0));
    if (a.has("gtol")) {
      double g = a.number("gtol");
      if (!(g >= 0)) throw a.error("gtol", "gtol must be >= 0, got " + Numbers.format(g));
      o = o.withGtol(g);
    }
    if (a.has("batch")) o = o.withBatch(positiveInt(a, "batch", 1));
    if (a.has("epochs")) o = o.withEpochs(positiveInt(a, "epochs", 1));
    if (a.has("seed")) o = o.withSeed(a.integer("seed"));
    if (a.has("shuffle")) o = o.withShuffle(a.bool("shuffle", true));
    if (a.has("record")) o = o.withRecord(positiveInt(a, "record", 1));
    if (a.has("noise")) {
      double sigma = a.number("noise");
      if (!(sigma >= 0) || !Double.isFinite(sigma)) {
        throw a.error("noise", "noise is a standard deviation: a finite number >= 0, got " + Numbers.format(sigma));
      }
      o = o.withNoise(sigma);
    }
    if (a.has("state")) o = o.withStates(a.bool("state", false));
    return o;
  }

  private static int positiveInt(Args a, String name, int min) {
    long v = a.integer(name);
    if (v < min) throw a.error(name, name + " must be >= " + min + ", got " + v);
    if (v > Integer.MAX_VALUE) throw a.error(name, name + " is too large: " + v);
    return (int) v;
  }

  /** The compiled function as an optimizer objective (no data fields). */
  static Objective objective(FunctionValue f) {
    return objective(f.compiled());
  }

  /** A compiled function without data fields as an optimizer objective. */
  static Objective objective(gradus.compile.CompiledFunction c) {
    return Objectives.of(c, null, 0, 0);
  }

  /**
   * An optimizer as a value; prints as its call with the given arguments. {@code rule} is the
   * declaration of an optimizer written in Gradus (null for a built-in); {@code given} holds the
   * arguments of the call, by name, as {@link Methods#create} takes them.
   */
  record MethodValue(Method method, OptimizerDecl rule, Map<String, Object> given) implements Value.Obj {
    MethodValue(Method method) {
      this(method, null, Map.of());
    }

    public String kind() {
      return "optimizer";
    }

    @Override public String toString() {
      return method.describe();
    }
  }

  /** A learning-rate schedule as a value; {@code s(t)} is the rate of update t (1-based). */
  record ScheduleValue(Schedule schedule) implements Value.Obj {
    public String kind() {
      return "schedule";
    }

    /** {@code s(10)} is a number; {@code s(1..100)} or {@code s([1, 5])} a list of rates. */
    Value call(List<Value> positional, List<Span> spans, Map<String, Span> keywords,
        Span at) {
      if (!keywords.isEmpty()) {
        throw new GradusError(keywords.values().iterator().next(), "a schedule takes only the update number t, as in s(10)");
      }
      if (positional.size() != 1) {
        throw new GradusError(at, "a schedule takes one argument, the update number t (from 1), as in s(10); got "
            + positional.size());
      }
      Value t = positional.get(0);
      Span span = spans.get(0);
      if (t instanceof Value.Num) return new Value.Num(schedule.rate(update(t, span)));
      List<Value> items = Values.items(t, "the update numbers of a schedule", span);
      double[] out = new double[items.size()];
      for (int i = 0; i < out.length; i++) out[i] = schedule.rate(update(items.get(i), span));
      return new Value.Vec(out);
    }

    private static long update(Value t, Span span) {
      long k = Values.integer(t, "a schedule's update number", span);
      if (k < 1) throw new GradusError(span, "updates are counted from 1, got " + k);
      return k;
    }

    @Override public String toString() {
      return schedule.describe();
    }
  }
}
