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
    add(t, "hvp", List.of("f"), "hvp(f): the Hessian-vector product of f, called as hvp(f)(x, v), without forming the Hessian", a -> {
      try {
        return declared(a, "hvp").hessianVector();
      } catch (SymException e) {
        throw a.error(e.getMessage());
      }
    });
    add(t, "nnz", List.of("H"), "nnz(H): the number of stored entries of a sparse matrix (of non-zeros of a dense one)", a -> {
      Value h = a.get("H");
      if (h instanceof SparseMatrix s) return new Value.Num(s.nnz());
      double[][] m = Values.matrix(h, "nnz's H", a.spanOf("H"));
      long k = 0;
      for (double[] row : m) for (double x : row) if (x != 0) k++;
      return new Value.Num(k);
    });
    add(t, "dense", List.of("H"), "dense(H): a sparse matrix as an ordinary (dense) matrix", a -> {
      Value h = a.get("H");
      if (h instanceof SparseMatrix s) return new Value.Mat(s.dense());
      return new Value.Mat(Values.matrix(h, "dense's H", a.spanOf("H")));
    });
    add(t, "latex", List.of("f"), "latex(f): LaTeX source for a function, gradient or Hessian; latex(m) an optimizer's update rule", a -> {
      if (a.get("f") instanceof FunctionValue f) return new Value.Str(f.latex());
      if (OptimizerDocs.isOptimizer(a.get("f"))) return new Value.Str(OptimizerDocs.latex(a.get("f")));
      throw a.error("f", "latex(f) needs a function or an optimizer, got a " + a.get("f").kind());
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
