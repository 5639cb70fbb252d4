package gradus.sym;

import java.util.List;

/**
 * Gradient, Hessian and partial derivatives of declared functions. Sums stay loops: a gradient is
 * a scatter program ({@link GradientFunction#statements()}), a Hessian one with pairs of slots,
 * whose sparsity pattern is therefore known symbolically. No sum is ever unrolled, except to print
 * a small case.
 */
public final class Derivatives {
  private Derivatives() {}

  /** The gradient: n entries, n the flattened number of variables. */
  public static GradientFunction grad(SymFunction f) {
    return new GradientFunction(scalar(f, "grad"));
  }

  /** The symmetric n×n Hessian. */
  public static HessianFunction hessian(SymFunction f) {
    return new HessianFunction(scalar(f, "hessian"));
  }

  /**
   * The partial derivative by the given variables in turn ({@code diff(f, [x, y])} is ∂²f/∂x∂y),
   * a scalar function of the same signature.
   */
  public static ScalarFunction diff(SymFunction f, List<VarRef> refs) {
    ScalarFunction s = scalar(f, "diff");
    if (refs.isEmpty()) throw new SymException("diff needs at least one variable");
    Signature sig = s.signature();
    Expr e = s.body();
    List<Stmt> last = null;
    for (VarRef r : refs) {
      sig.flatIndex(r);
      last = gradientStatements(e, sig);
      e = Simplifier.simplify(Unroll.slotExpr(last, sig, r), sig);
    }
    Expr display = null;
    long k = sig.flatIndex(refs.get(refs.size() - 1));
    try {
      display = Unroll.entries(last, sig, 0, java.util.Set.of(k), Display.FULL_BUDGET).getOrDefault(k, Sym.ZERO);
    } catch (Unroll.TooBig tooBig) {
      // print the loop form
    }
    StringBuilder name = new StringBuilder("d" + s.name());
    return new ScalarFunction(name.toString(), sig, e, e, display);
  }

  /** The simplified gradient program of an expression. */
  static List<Stmt> gradientStatements(Expr body, Signature sig) {
    Chain chain = new Chain(sig);
    return Chain.simplify(chain.grad(body, Sym.ONE, null), Simplifier.session(sig));
  }

  /** The simplified Hessian program, from a gradient program. */
  static List<Stmt> hessianStatements(List<Stmt> gradient, Signature sig) {
    Chain chain = new Chain(sig);
    return Chain.simplify(chain.hessian(gradient), Simplifier.session(sig));
  }

  private static ScalarFunction scalar(SymFunction f, String what) {
    if (f instanceof ScalarFunction s) return s;
    throw new SymException(what + " needs a scalar-valued function, got one with " + f.rows() + "x" + f.cols() + " values");
  }
}
