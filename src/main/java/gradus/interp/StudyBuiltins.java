package gradus.interp;

import static gradus.interp.Builtins.add;

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
  }
}
