package gradus.interp;

import static gradus.interp.Builtins.add;

import gradus.sym.SymException;
import java.util.List;
import java.util.Map;

/** grad, hessian and latex: symbolic operations on function values. */
final class SymBuiltins {
  private SymBuiltins() {}

  static void register(Map<String, Builtin> t) {
    add(t, "grad", List.of("f"), "grad(f): the gradient of f, a vector-valued function", a -> {
      try {
        return declared(a, "grad").gradient();
      } catch (SymException e) {
        throw a.error(e.getMessage());
      }
    });
    add(t, "hessian", List.of("f"), "hessian(f): the matrix of second derivatives of f", a -> {
      try {
        return declared(a, "hessian").hessian();
      } catch (SymException e) {
        throw a.error(e.getMessage());
      }
    });
    add(t, "latex", List.of("f"), "latex(f): LaTeX source for a function, gradient or Hessian", a -> {
      if (a.get("f") instanceof FunctionValue f) return new Value.Str(f.latex());
      throw a.error("f", "latex(f) needs a function, got a " + a.get("f").kind());
    });
  }

  static FunctionValue declared(Args a, String what) {
    Value v = a.get("f");
    if (v instanceof FunctionValue f && f.isDeclared()) return f;
    if (v instanceof FunctionValue f) {
      throw a.error("f", what + "(f) needs a declared scalar function; " + f.name() + " is " + f.describeShape()
          + " (declare a scalar function to differentiate it)");
    }
    throw a.error("f", what + "(f) needs a function, got a " + v.kind());
  }
}
