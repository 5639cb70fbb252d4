package gradus.compile;

import gradus.sym.Expr;
import gradus.sym.Expr.Add;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Where;
import java.util.List;

/**
 * The children a node reads when it is computed (a loop's or a local array's body is a scope, not
 * an operand; an element read reads its array, filled before).
 */
final class Operands {
  private Operands() {}

  static List<Expr> of(Expr e) {
    if (e instanceof Add a) return a.terms();
    if (e instanceof Mul m) return factors(m);
    if (e instanceof Pow p) return List.of(p.base(), p.exponent());
    if (e instanceof Call c) return List.of(c.arg());
    if (e instanceof MinMax m) return List.of(m.a(), m.b());
    if (e instanceof Where w) return List.of(w.cond(), w.a(), w.b());
    if (e instanceof Cmp c) return List.of(c.a(), c.b());
    if (e instanceof Logic l) return l.args();
    if (e instanceof Elem el) return el.indices();
    if (e instanceof Loop l) return List.of(l.lo(), l.hi());
    if (e instanceof Expr.At at) {
      List<Expr> out = new java.util.ArrayList<>(at.indices().size() + 1);
      out.add(at.array());
      out.addAll(at.indices());
      return out;
    }
    return List.of();
  }

  /**
   * What a product reads: its factors, except that a later factor {@code b^-1} is a division by
   * b — so {@code x/y} is computed as x / y, the same double as {@code x / y} on numbers.
   */
  static List<Expr> factors(Mul m) {
    List<Expr> fs = m.factors();
    List<Expr> out = null;
    for (int k = 1; k < fs.size(); k++) {
      Expr d = divisor(fs.get(k));
      if (d == null) continue;
      if (out == null) out = new java.util.ArrayList<>(fs);
      out.set(k, d);
    }
    return out == null ? fs : out;
  }

  /** b when the factor is {@code b^-1}, else null. */
  static Expr divisor(Expr factor) {
    return factor instanceof Pow p && p.exponent() instanceof gradus.sym.Expr.Const c && c.value() == -1 ? p.base() : null;
  }
}
