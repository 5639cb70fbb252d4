package gradus.sym;

import gradus.sym.Expr.Array;
import gradus.sym.Expr.At;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward mode over the DAG: the directional derivative of an expression along a direction v,
 * from the same local rules as reverse mode ({@link Partials}). The direction's component for a
 * variable {@code x} (or {@code x[i]}) is the symbol {@code x'} ({@code x'[i]}), which the
 * compiler reads from the direction array. Applied to the entries of a gradient program it gives
 * the Hessian-vector product H·v without forming H. The branch where() does not take is selected
 * away after both are computed, so its nan never leaks.
 */
final class Tangent {
  /** The suffix that names a direction component. */
  static final String PRIME = "'";

  private final Reverse dep;
  private final Map<Expr, Expr> memo = new IdentityHashMap<>();
  /** The body of a local array → its element read, for rules that use the node's own value. */
  private final Map<Expr, Expr> selves = new IdentityHashMap<>();

  Tangent(Reverse dep) {
    this.dep = dep;
  }

  /** The directional derivative of e (zero when e does not depend on the variables). */
  Expr of(Expr e) {
    Expr done = memo.get(e);
    if (done != null) return done;
    Expr r = dep.depends(e) ? rule(e) : Sym.ZERO;
    memo.put(e, r);
    return r;
  }

  private Expr rule(Expr e) {
    if (e instanceof Var v) return Sym.var(v.name() + PRIME);
    if (e instanceof Elem el) return Sym.elem(el.vector() + PRIME, el.indices());
    if (e instanceof Where w) {
      Expr a = of(w.a());
      Expr b = of(w.b());
      return a == b ? a : Sym.where(w.cond(), a, b);
    }
    if (e instanceof Loop l) {
      Expr body = of(l.body());
      if (body == Sym.ZERO) return Sym.ZERO;
      Expr d = switch (l.kind()) {
        case SUM -> body;
        case PROD -> Reverse.Products.times(body, ProductRule.others(l, l.index(), l.body()));
        case MAX -> Reverse.Products.times(body, Reverse.maxShare(l, l.index(), l.body()));
        case LOGSUMEXP -> Reverse.Products.times(body, Sym.call(Expr.Fn.EXP, Sym.sub(l.body(), l)));
      };
      return Sym.sum(l.index(), l.lo(), l.hi(), d);
    }
    if (e instanceof Array a) {
      // the tangent of a local array is the array of its entries' tangents, computed once
      List<Expr> here = new ArrayList<>();
      for (String i : a.indices()) here.add(Sym.index(i));
      selves.put(a.body(), Sym.at(a, here));
      Expr body = of(a.body());
      return body == Sym.ZERO ? Sym.ZERO : Sym.array("t" + a.name(), a.indices(), a.lo(), a.hi(), body);
    }
    if (e instanceof At at) {
      Expr arr = of(at.array());
      return arr == Sym.ZERO ? Sym.ZERO : Sym.at(arr, at.indices());
    }
    List<Expr> ops = Partials.operands(e);
    List<Expr> terms = new ArrayList<>(ops.size());
    Expr self = selves.getOrDefault(e, e);
    for (int k = 0; k < ops.size(); k++) {
      Expr t = of(ops.get(k));
      if (t != Sym.ZERO) terms.add(Reverse.Products.times(Partials.of(e, k, self), t));
    }
    return Sym.add(terms);
  }

  /** The program whose scatter-adds are the directional derivatives of the given ones. */
  List<Stmt> program(List<Stmt> gradient) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : gradient) {
      if (s instanceof Stmt.Acc a) {
        Expr t = of(a.value());
        if (t != Sym.ZERO) out.add(new Stmt.Acc(a.row(), a.col(), t));
      } else if (s instanceof Stmt.For f) {
        List<Stmt> inner = program(f.body());
        if (!inner.isEmpty()) out.add(new Stmt.For(f.index(), f.lo(), f.hi(), inner));
      }
    }
    return out;
  }
}
