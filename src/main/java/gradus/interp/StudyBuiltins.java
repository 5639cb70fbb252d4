package gradus.interp;

import static gradus.interp.Builtins.add;

import gradus.lang.GradusError;
import gradus.optim.Objective;
import java.util.List;
import java.util.Map;

/** Tools for studying optimizers (SPEC §10.3, §10.4): describe, check_grad, benchmark. */
final class StudyBuiltins {
  private StudyBuiltins() {}

  static void register(Map<String, Builtin> t) {
    add(t, "describe", List.of("m"), "describe(m): the update rule of an optimizer (built-in or written in Gradus)"
        + " with its hyperparameters and defaults, as text; latex(m) gives it in LaTeX", a -> {
      Value m = a.get("m");
      if (!OptimizerDocs.isOptimizer(m)) throw a.error("m", "describe(m) needs an optimizer, such as adam or adam(lr=0.1); got a " + m.kind());
      return new Value.Str(OptimizerDocs.describe(m));
    });
    add(t, "check_grad", List.of("f", "p", "grad?", "data?"), "check_grad(f, p, grad=grad(f), data=d): the 2-norm of"
        + " the gradient minus its central-difference estimate at p (step sqrt(machine eps), SciPy's epsilon)",
        StudyBuiltins::checkGrad);
    add(t, "benchmark", Benchmark.PARAMS, "benchmark(f, start, [m1, m2, ...], budget=1000, lrs=[...], seeds=5): each"
        + " method with the same budget of evaluations, each first-order method's lr chosen from lrs by the median"
        + " final f over the seeds; prints a table and returns the chosen runs", Benchmark::run);
  }

  /** SciPy's check_grad at p, with central differences: sqrt(sum((g_i - (f(p + h e_i) - f(p - h e_i))/(2h))^2)). */
  static Value checkGrad(Args a) {
    FunctionValue f = SearchBuiltins.declared(a, " to check");
    double[] p = a.vector("p");
    int n = f.signature().dimension();
    if (p.length != n) {
      throw a.error("p", "the point has " + p.length + " number" + (p.length == 1 ? "" : "s") + ", but " + f.name()
          + " takes " + FunctionValue.describeArity(f.signature()));
    }
    Objective obj;
    if (a.has("data")) obj = DataSupport.batchObjective(f, a.get("data"), a.spanOf("data"));
    else if (f.signature().fieldCount() > 0) {
      throw a.error("f", f.name() + " has data fields (" + FunctionValue.names(f.signature().fields()) + "): give the data with data=...");
    } else obj = OptimBuiltins.objective(f);
    double[] g = new double[n];
    if (a.has("grad")) {
      if (a.has("data")) throw a.error("grad", "grad= is checked on a function without data; drop data= or grad=");
      g = given(a, n, p);
    } else {
      obj.valueAndGradient(p, g);
    }
    double h = Math.sqrt(Math.ulp(1.0));
    double sum = 0;
    double[] x = p.clone();
    for (int i = 0; i < n; i++) {
      Interrupts.check();
      double up = p[i] + h;
      double down = p[i] - h;
      x[i] = up;
      double fu = obj.value(x);
      x[i] = down;
      double fd = obj.value(x);
      x[i] = p[i];
      double d = g[i] - (fu - fd) / (up - down);
      sum += d * d;
    }
    return new Value.Num(Math.sqrt(sum));
  }

  /** The gradient to check, from grad=: a vector-valued function of the same variables. */
  private static double[] given(Args a, int n, double[] p) {
    if (!(a.get("grad") instanceof FunctionValue g) || g.isDeclared() || g.symbolic().cols() != 1
        || g.symbolic().rows() != n) {
      throw a.error("grad", "grad= needs a vector-valued function of " + n + " entries, such as grad(h); got "
          + (a.get("grad") instanceof FunctionValue g ? g.name() + ", which is " + g.describeShape() : "a " + a.get("grad").kind()));
    }
    try {
      return Values.vector(g.evaluate(p, null), "grad", a.spanOf("grad"));
    } catch (GradusError e) {
      throw a.error("grad", e.getMessage());
    }
  }
}
