package gradus.sym;

import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inlining a call of a declared function: parameters (variables, then fields) are replaced by the
 * caller's arguments. A scalar parameter takes an {@link Expr}. A vector parameter takes the name
 * of a caller's vector (a {@code String}, or a {@link VarSpec} to have its size checked), or a
 * {@code List<Expr>} of the right length when the callee indexes it only with constants. The
 * callee's sum indices are renamed where they would capture an index free in an argument.
 */
public final class Inline {
  private Inline() {}

  public static Expr inline(ScalarFunction callee, List<Object> args) {
    return inline(callee.name(), callee.signature(), callee.body(), args);
  }

  /** Inlines the (simplified) body of the function {@code name} of signature sig. */
  static Expr inline(String name, Signature sig, Expr calleeBody, List<Object> args) {
    List<VarSpec> params = new ArrayList<>(sig.vars());
    params.addAll(sig.fields());
    if (args.size() != params.size()) {
      throw new SymException(name + " takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
          + ", got " + args.size());
    }
    Set<String> danger = new HashSet<>();
    Map<String, Object> bind = new HashMap<>();
    for (int k = 0; k < params.size(); k++) {
      VarSpec p = params.get(k);
      Object a = args.get(k);
      String where = "argument " + (k + 1) + " of " + name + " ('" + p.name() + "')";
      if (!p.isVector()) {
        if (!(a instanceof Expr e)) throw new SymException(where + " must be a number or an expression");
        danger.addAll(Exprs.freeIndices(e));
        bind.put(p.name(), e);
      } else if (a instanceof String s) {
        bind.put(p.name(), s);
      } else if (a instanceof Expr.Array arr) {
        if (arr.indices().size() != p.rank() || arr.size() != p.size()
            || (p.isMatrix() && arr.extent(1) != p.cols())) {
          throw new SymException(where + " must be " + (p.isMatrix() ? "a matrix" : "a vector") + " of shape "
              + p.shapeText().substring(p.name().length()) + ", got the local " + Declare.shape(arr));
        }
        bind.put(p.name(), arr);
      } else if (a instanceof VarSpec v) {
        if (v.size() != p.size()) {
          throw new SymException(where + " must be a vector of " + p.size() + " elements, got '" + v.name() + "' with "
              + (v.size() == 0 ? "1 (a scalar)" : Integer.toString(v.size())));
        }
        bind.put(p.name(), v.name());
      } else if (a instanceof List<?> list) {
        if (list.size() != p.size()) {
          throw new SymException(where + " must be a list of " + p.size() + " elements, got " + list.size());
        }
        List<Expr> items = new ArrayList<>();
        for (Object o : list) {
          if (!(o instanceof Expr e)) throw new SymException(where + " must be a list of numbers or expressions");
          danger.addAll(Exprs.freeIndices(e));
          items.add(e);
        }
        bind.put(p.name(), items);
      } else {
        throw new SymException(where + " must be a vector of " + p.size() + " elements");
      }
    }
    // the simplified body: a composition f(f(x)) then stays as small as f, not twice as large
    Expr body = renameBound(calleeBody, danger);
    return Exprs.mapLeaves(body, leaf -> {
      if (leaf instanceof Var v && bind.get(v.name()) instanceof Expr e) return e;
      if (leaf instanceof Elem el) {
        Object b = bind.get(el.vector());
        if (b instanceof String s) return Sym.elem(s, el.indices());
        if (b instanceof Expr.Array arr) {
          // the callee's 1-based index into the caller's local array, whatever its range
          List<Expr> ix = new ArrayList<>();
          for (int d = 0; d < el.indices().size(); d++) {
            Expr lo = arr.lo().get(d);
            ix.add(lo == Sym.ONE ? el.indices().get(d) : Sym.add(el.indices().get(d), Sym.sub(lo, Sym.ONE)));
          }
          return Sym.at(arr, ix);
        }
        if (b instanceof List<?> items) {
          Expr idx = Simplifier.simplify(el.index(), null);
          if (!(idx instanceof Const c)) {
            throw new SymException(name + " indexes its vector '" + el.vector()
                + "' with a sum index, so pass it a vector variable, not a list");
          }
          int k = (int) c.value();
          return (Expr) items.get(k - 1);
        }
      }
      return leaf;
    });
  }

  /** Renames every loop index in {@code danger} to a fresh name. */
  static Expr renameBound(Expr e, Set<String> danger) {
    if (danger.isEmpty()) return e;
    Map<Expr, Expr> memo = new HashMap<>();
    return rename(e, danger, memo);
  }

  private static Expr rename(Expr e, Set<String> danger, Map<Expr, Expr> memo) {
    Expr done = memo.get(e);
    if (done != null) return done;
    List<Expr> ch = Exprs.children(e);
    List<Expr> out = new ArrayList<>(ch.size());
    for (Expr c : ch) out.add(rename(c, danger, memo));
    Expr r = Exprs.withChildren(e, out);
    if (r instanceof Loop l && danger.contains(l.index())) {
      Set<String> avoid = new HashSet<>(danger);
      avoid.addAll(Exprs.freeIndices(l.body()));
      String fresh = Exprs.fresh(l.index(), avoid);
      Expr body = Exprs.substituteIndices(l.body(), Map.of(l.index(), Sym.index(fresh)));
      r = Sym.loop(l.kind(), fresh, l.lo(), l.hi(), body);
    }
    memo.put(e, r);
    return r;
  }
}
