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

/** The children a node reads when it is computed (a loop's body is a scope, not an operand). */
final class Operands {
  private Operands() {}

  static List<Expr> of(Expr e) {
    if (e instanceof Add a) return a.terms();
    if (e instanceof Mul m) return m.factors();
    if (e instanceof Pow p) return List.of(p.base(), p.exponent());
    if (e instanceof Call c) return List.of(c.arg());
    if (e instanceof MinMax m) return List.of(m.a(), m.b());
    if (e instanceof Where w) return List.of(w.cond(), w.a(), w.b());
    if (e instanceof Cmp c) return List.of(c.a(), c.b());
    if (e instanceof Logic l) return l.args();
    if (e instanceof Elem el) return List.of(el.index());
    if (e instanceof Loop l) return List.of(l.lo(), l.hi());
    return List.of();
  }
}
