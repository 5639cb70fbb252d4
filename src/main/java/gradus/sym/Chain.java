package gradus.sym;

import gradus.sym.Expr.Add;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Fn;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The chain rule, in one place: reverse-mode symbolic differentiation that turns an expression
 * into scatter-add statements ({@link Stmt}). {@code grad(e, m, row)} emits the statements that
 * add {@code m * ∂e/∂v} to every variable slot v. A sum becomes a {@code For} over the same range
 * (never unrolled): each reference {@code x[g(i)]} in its body scatters into slot g(i).
 *
 * <p>Non-smooth points follow PyTorch: {@code d|x| = sign(x)} (0 at 0), {@code relu'(0) = 0},
 * {@code sign' = 0}, {@code where(c, a, b)' = where(c, a', b')}, and for {@code max(a, b)} /
 * {@code min(a, b)} the gradient goes to the selected argument, split evenly on a tie (as
 * {@code torch.maximum}/{@code torch.minimum}). For {@code a^b} with a variable exponent the
 * exponent's part is 0 where {@code a == 0 and b >= 0} (as torch.pow). The derivative of a
 * product loop multiplies by the product of the other factors, an inner loop (quadratic work).
 */
final class Chain {
  /** Each elementary function's own derivative, as a function of its argument. */
  private static final Map<Fn, UnaryOperator<Expr>> TABLE = new EnumMap<>(Fn.class);

  static {
    TABLE.put(Fn.ABS, a -> Sym.call(Fn.SIGN, a));
    TABLE.put(Fn.SIGN, a -> Sym.ZERO);
    TABLE.put(Fn.EXP, a -> Sym.call(Fn.EXP, a));
    TABLE.put(Fn.LOG, a -> Sym.pow(a, -1));
    TABLE.put(Fn.LOG1P, a -> Sym.pow(Sym.add(Sym.ONE, a), -1));
    TABLE.put(Fn.SQRT, a -> Sym.mul(Sym.num(0.5), Sym.pow(Sym.call(Fn.SQRT, a), -1)));
    TABLE.put(Fn.SIN, a -> Sym.call(Fn.COS, a));
    TABLE.put(Fn.COS, a -> Sym.neg(Sym.call(Fn.SIN, a)));
    TABLE.put(Fn.TAN, a -> Sym.add(Sym.ONE, Sym.pow(Sym.call(Fn.TAN, a), 2)));
    TABLE.put(Fn.ASIN, a -> Sym.pow(Sym.sub(Sym.ONE, Sym.pow(a, 2)), -0.5));
    TABLE.put(Fn.ACOS, a -> Sym.neg(Sym.pow(Sym.sub(Sym.ONE, Sym.pow(a, 2)), -0.5)));
    TABLE.put(Fn.ATAN, a -> Sym.pow(Sym.add(Sym.ONE, Sym.pow(a, 2)), -1));
    TABLE.put(Fn.SINH, a -> Sym.call(Fn.COSH, a));
    TABLE.put(Fn.COSH, a -> Sym.call(Fn.SINH, a));
    TABLE.put(Fn.TANH, a -> Sym.sub(Sym.ONE, Sym.pow(Sym.call(Fn.TANH, a), 2)));
    TABLE.put(Fn.SIGMOID, a -> Sym.mul(Sym.call(Fn.SIGMOID, a), Sym.sub(Sym.ONE, Sym.call(Fn.SIGMOID, a))));
    TABLE.put(Fn.SOFTPLUS, a -> Sym.call(Fn.SIGMOID, a));
    TABLE.put(Fn.RELU, a -> Sym.where(Sym.cmp(">", a, Sym.ZERO), Sym.ONE, Sym.ZERO));
  }

  /** The derivative of {@code fn} at {@code a}. */
  static Expr derivative(Fn fn, Expr a) {
    return TABLE.get(fn).apply(a);
  }

  private final Signature sig;
  private final Map<Expr, Boolean> depends = new HashMap<>();

  Chain(Signature sig) {
    this.sig = sig;
  }

  /** True when e contains a decision variable (so its derivative may be non-zero). */
  boolean dependsOnVars(Expr e) {
    Boolean d = depends.get(e);
    if (d != null) return d;
    boolean r;
    if (e instanceof Var v) r = sig.isVariable(v.name());
    else if (e instanceof Elem el) r = sig.isVariable(el.vector());
    else if (e instanceof Cmp || e instanceof Logic) r = false;
    else {
      r = false;
      for (Expr c : Exprs.children(e)) if (dependsOnVars(c)) {
        r = true;
        break;
      }
    }
    depends.put(e, r);
    return r;
  }

  /** Statements adding {@code m * ∂e/∂v} to each variable slot v (row: the Hessian row, or null). */
  List<Stmt> grad(Expr e, Expr m, Stmt.Slot row) {
    List<Stmt> out = new ArrayList<>();
    grad(e, m, row, out);
    return out;
  }

  private void grad(Expr e, Expr m, Stmt.Slot row, List<Stmt> out) {
    if (m == Sym.ZERO || !dependsOnVars(e)) return;
    if (e instanceof Var v) out.add(new Stmt.Acc(row, new Stmt.Slot(v.name(), null), m));
    else if (e instanceof Elem el) out.add(new Stmt.Acc(row, new Stmt.Slot(el.vector(), el.index()), m));
    else if (e instanceof Add a) for (Expr t : a.terms()) grad(t, m, row, out);
    else if (e instanceof Mul mu) {
      List<Expr> fs = mu.factors();
      for (int i = 0; i < fs.size(); i++) {
        if (!dependsOnVars(fs.get(i))) continue;
        List<Expr> others = new ArrayList<>(fs.size());
        others.add(m);
        for (int j = 0; j < fs.size(); j++) if (j != i) others.add(fs.get(j));
        grad(fs.get(i), times(others), row, out);
      }
    } else if (e instanceof Pow p) pow(p, m, row, out);
    else if (e instanceof Call c) grad(c.arg(), times(List.of(m, derivative(c.fn(), c.arg()))), row, out);
    else if (e instanceof Where w) {
      out.add(new Stmt.If(w.cond(), grad(w.a(), m, row), grad(w.b(), m, row)));
    } else if (e instanceof MinMax mm) minMax(mm, m, row, out);
    else if (e instanceof Loop l) loop(l, m, row, out);
    // Const, Index, Cmp, Logic: piecewise constant, no derivative.
  }

  private void pow(Pow p, Expr m, Stmt.Slot row, List<Stmt> out) {
    Expr b = p.base();
    Expr c = p.exponent();
    if (dependsOnVars(b)) {
      if (!(c instanceof Const k && k.value() == 0)) {
        Expr cm1 = c instanceof Const k ? Sym.num(k.value() - 1) : Sym.sub(c, Sym.ONE);
        grad(b, times(List.of(m, c, Sym.pow(b, cm1))), row, out);
      }
    }
    if (dependsOnVars(c)) {
      Expr part = Sym.mul(p, Sym.call(Fn.LOG, b));
      if (dependsOnVars(b) || b instanceof Const k && k.value() == 0) {
        Expr zero = Sym.and(Sym.cmp("==", b, Sym.ZERO), Sym.cmp(">=", c, Sym.ZERO));
        part = Sym.where(zero, Sym.ZERO, part);
      }
      grad(c, times(List.of(m, part)), row, out);
    }
  }

  private void minMax(MinMax mm, Expr m, Stmt.Slot row, List<Stmt> out) {
    Expr first = mm.isMax() ? Sym.cmp(">", mm.a(), mm.b()) : Sym.cmp("<", mm.a(), mm.b());
    Expr second = mm.isMax() ? Sym.cmp("<", mm.a(), mm.b()) : Sym.cmp(">", mm.a(), mm.b());
    Expr half = times(List.of(Sym.num(0.5), m));
    List<Stmt> tie = new ArrayList<>(grad(mm.a(), half, row));
    tie.addAll(grad(mm.b(), half, row));
    List<Stmt> inner = List.of(new Stmt.If(second, grad(mm.b(), m, row), tie));
    out.add(new Stmt.If(first, grad(mm.a(), m, row), inner));
  }

  private void loop(Loop l, Expr m, Stmt.Slot row, List<Stmt> out) {
    Set<String> avoid = new HashSet<>(Exprs.freeIndices(m));
    if (row != null && row.index() != null) avoid.addAll(Exprs.freeIndices(row.index()));
    String idx = l.index();
    Expr body = l.body();
    if (avoid.contains(idx)) {
      avoid.addAll(Exprs.freeIndices(body));
      idx = Exprs.fresh(idx, avoid);
      body = Exprs.substituteIndices(body, Map.of(l.index(), Sym.index(idx)));
    }
    Expr factor = m;
    if (l.isProduct()) {
      Set<String> av = new HashSet<>(avoid);
      av.add(idx);
      av.addAll(Exprs.freeIndices(l.body()));
      String j = Exprs.fresh(idx + "_", av);
      Expr bodyJ = Exprs.substituteIndices(l.body(), Map.of(l.index(), Sym.index(j)));
      Expr others = Sym.prod(j, l.lo(), l.hi(),
          Sym.where(Sym.cmp("==", Sym.index(j), Sym.index(idx)), Sym.ONE, bodyJ));
      factor = times(List.of(m, others));
    }
    List<Stmt> inner = grad(body, factor, row);
    if (!inner.isEmpty()) out.add(new Stmt.For(idx, l.lo(), l.hi(), inner));
  }

  /** A product with the trivial cases folded (keeps derivatives small before simplification). */
  static Expr times(List<Expr> fs) {
    List<Expr> keep = new ArrayList<>();
    double k = 1;
    for (Expr f : fs) {
      if (f instanceof Const c) k *= c.value();
      else if (f instanceof Mul mu) {
        for (Expr g : mu.factors()) {
          if (g instanceof Const c) k *= c.value();
          else keep.add(g);
        }
      } else keep.add(f);
    }
    if (k == 0) return Sym.ZERO;
    if (k != 1 || keep.isEmpty()) keep.add(0, Sym.num(k));
    return Sym.mul(keep);
  }

  /** The Hessian program: each gradient scatter-add differentiated once more along its row. */
  List<Stmt> hessian(List<Stmt> gradient) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : gradient) {
      if (s instanceof Stmt.Acc a) out.addAll(grad(a.value(), Sym.ONE, a.col()));
      else if (s instanceof Stmt.For f) {
        List<Stmt> inner = hessian(f.body());
        if (!inner.isEmpty()) out.add(new Stmt.For(f.index(), f.lo(), f.hi(), inner));
      } else if (s instanceof Stmt.If i) {
        List<Stmt> t = hessian(i.then());
        List<Stmt> o = hessian(i.otherwise());
        if (!t.isEmpty() || !o.isEmpty()) out.add(new Stmt.If(i.cond(), t, o));
      }
    }
    return out;
  }

  /** Simplifies every value (sharing one memo table). */
  static List<Stmt> simplify(List<Stmt> stmts, UnaryOperator<Expr> simp) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Acc a) {
        Expr v = simp.apply(a.value());
        if (v != Sym.ZERO) out.add(new Stmt.Acc(simpSlot(a.row(), simp), simpSlot(a.col(), simp), v));
      } else if (s instanceof Stmt.For f) {
        List<Stmt> inner = simplify(f.body(), simp);
        if (!inner.isEmpty()) out.add(new Stmt.For(f.index(), simp.apply(f.lo()), simp.apply(f.hi()), inner));
      } else if (s instanceof Stmt.If i) {
        List<Stmt> t = simplify(i.then(), simp);
        List<Stmt> o = simplify(i.otherwise(), simp);
        Expr c = simp.apply(i.cond());
        if (c instanceof Const k) out.addAll(k.value() != 0 ? t : o);
        else if (!t.isEmpty() || !o.isEmpty()) out.add(new Stmt.If(c, t, o));
      }
    }
    return out;
  }

  private static Stmt.Slot simpSlot(Stmt.Slot s, UnaryOperator<Expr> simp) {
    if (s == null || s.index() == null) return s;
    return new Stmt.Slot(s.var(), simp.apply(s.index()));
  }
}
