package gradus.sym;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Gradient, Hessian, Hessian-vector product and partial derivatives of scalar functions, all from
 * the rules of {@link Partials}: a gradient is {@link Reverse} over the body; a Hessian is
 * {@link Reverse} again over every entry of the gradient program, along that entry's row (the
 * rules applied twice); a Hessian-vector product is {@link Tangent} over the gradient program.
 * Sums stay loops, so a Hessian's sparsity pattern is symbolic. No sum is ever unrolled, except
 * to print a small case.
 */
public final class Derivatives {
  private Derivatives() {}

  /** The gradient: n entries, n the flattened number of variables. */
  public static GradientFunction grad(SymFunction f) {
    return new GradientFunction(scalar(f, "grad"));
  }

  /** The n×n Hessian; entry (i, j) is ∂/∂x_j of gradient entry i. */
  public static HessianFunction hessian(SymFunction f) {
    return new HessianFunction(scalar(f, "hessian"));
  }

  /** The Hessian-vector product, a function of the variables and a direction. */
  public static HvpFunction hvp(SymFunction f) {
    return new HvpFunction(scalar(f, "hvp"));
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
      last = simplified(gradientProgram(Normalize.of(e), sig), sig);
      e = Simplifier.simplify(Unroll.slotExpr(last, sig, r), sig);
    }
    Expr display = null;
    long k = sig.flatIndex(refs.get(refs.size() - 1));
    try {
      display = Unroll.entries(last, sig, 0, java.util.Set.of(k), Display.FULL_BUDGET).getOrDefault(k, Sym.ZERO);
    } catch (Unroll.TooBig tooBig) {
      // print the loop form
    }
    return new ScalarFunction("d" + s.name(), sig, e, e, display);
  }

  /** The gradient program of a (normalized) body, in the form that is compiled. */
  static List<Stmt> gradientProgram(Expr body, Signature sig) {
    return new Reverse(sig).run(body, null, List.of());
  }

  /** The Hessian program: every gradient entry differentiated once more along its row. */
  static List<Stmt> hessianProgram(List<Stmt> gradient, Signature sig) {
    return rows(new Reverse(sig), gradient, new ArrayList<>());
  }

  private static List<Stmt> rows(Reverse rev, List<Stmt> gradient, List<String> stack) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : gradient) {
      if (s instanceof Stmt.Acc a) {
        out.addAll(rev.run(a.value(), a.col(), stack));
      } else if (s instanceof Stmt.For f) {
        stack.add(f.index());
        List<Stmt> inner = rows(rev, f.body(), stack);
        stack.remove(stack.size() - 1);
        if (!inner.isEmpty()) out.add(new Stmt.For(f.index(), f.lo(), f.hi(), inner));
      }
    }
    return out;
  }

  /** The Hessian-vector program: the directional derivative of every gradient entry. */
  static List<Stmt> hvpProgram(List<Stmt> gradient, Signature sig) {
    return new Tangent(new Reverse(sig)).program(gradient);
  }

  /** The program with every value simplified (for printing); zero entries vanish. */
  static List<Stmt> simplified(List<Stmt> program, Signature sig) {
    return simplify(program, Simplifier.session(sig));
  }

  private static List<Stmt> simplify(List<Stmt> stmts, UnaryOperator<Expr> simp) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Acc a) {
        Expr v = simp.apply(a.value());
        if (v != Sym.ZERO) out.add(new Stmt.Acc(slot(a.row(), simp), slot(a.col(), simp), v));
      } else if (s instanceof Stmt.For f) {
        List<Stmt> inner = simplify(f.body(), simp);
        if (!inner.isEmpty()) out.add(new Stmt.For(f.index(), simp.apply(f.lo()), simp.apply(f.hi()), inner));
      }
    }
    return out;
  }

  private static Stmt.Slot slot(Stmt.Slot s, UnaryOperator<Expr> simp) {
    if (s == null || s.scalar()) return s;
    List<Expr> ix = new ArrayList<>();
    for (Expr i : s.indices()) ix.add(simp.apply(i));
    return new Stmt.Slot(s.var(), ix);
  }

  private static ScalarFunction scalar(SymFunction f, String what) {
    if (f instanceof ScalarFunction s) return s;
    throw new SymException(what + " needs a scalar-valued function, got one with " + f.rows() + "x" + f.cols() + " values");
  }
}
