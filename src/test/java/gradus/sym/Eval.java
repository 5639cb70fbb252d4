package gradus.sym;

import gradus.compile.CompiledFunction;
import gradus.compile.Compiler;

/** Numbers of symbolic functions in tests: sym builds, the compiler (the one evaluator) computes. */
public final class Eval {
  private Eval() {}

  public static double value(ScalarFunction f, double[] x, double[] fields) {
    return Compiler.compile(f).value(x, fields, 0);
  }

  /** The value of a raw expression (as built, not simplified). */
  public static double expr(Expr e, Signature sig, double[] x) {
    return value(Sym.function("e", sig, e), x, new double[sig.fieldCount()]);
  }

  /** A function's values flattened row-major: [v], the gradient, or the n×n Hessian. */
  public static double[] evaluate(SymFunction fn, double[] x, double[] fields) {
    if (fn instanceof ScalarFunction f) return new double[] {value(f, x, fields)};
    if (fn instanceof GradientFunction g) {
      double[] out = new double[x.length];
      Compiler.compile(g.function()).valueAndGradient(x, fields, 0, out);
      return out;
    }
    if (fn instanceof HessianFunction h) {
      double[] out = new double[x.length * x.length];
      Compiler.compile(h.function()).hessian(x, fields, 0, out);
      return out;
    }
    throw new IllegalArgumentException(fn.getClass().getSimpleName());
  }

  public static CompiledFunction compiled(ScalarFunction f) {
    return Compiler.compile(f);
  }
}
