package gradus.sym;

import gradus.sym.Expr.Call;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a declared body: every name is a variable or field of the signature (or an enclosing
 * sum's index, which becomes an {@link Index} node even if written as a {@link Var}); vectors are
 * used element-wise and scalars are not indexed; an index (and a sum bound) is a whole number made
 * of sum indices and constants; a constant index lies in 1..size, and so does an index {@code i +
 * c} in a sum with constant bounds unless it sits inside a {@code where} (which may guard it).
 */
final class Declare {
  private final String fname;
  private final Signature sig;
  private final Map<Expr, Map<String, Expr>> memo = new java.util.IdentityHashMap<>();

  private Declare(String fname, Signature sig) {
    this.fname = fname;
    this.sig = sig;
  }

  static ScalarFunction declare(String name, Signature sig, Expr body) {
    Expr checked = new Declare(name, sig).check(body, new ArrayList<>(), false);
    Expr simple = Simplifier.simplify(checked, sig);
    return new ScalarFunction(name, sig, checked, simple, null);
  }

  /** A sum index in scope, with its constant bounds when known. */
  private record Scope(String name, Double lo, Double hi) {}

  private Expr check(Expr e, List<Scope> scope, boolean guarded) {
    String key = scope + "|" + guarded;
    Map<String, Expr> byScope = memo.computeIfAbsent(e, k -> new HashMap<>());
    Expr done = byScope.get(key);
    if (done != null) return done;
    Expr r = rules(e, scope, guarded);
    byScope.put(key, r);
    return r;
  }

  private Scope find(List<Scope> scope, String name) {
    for (int i = scope.size() - 1; i >= 0; i--) if (scope.get(i).name().equals(name)) return scope.get(i);
    return null;
  }

  private Expr rules(Expr e, List<Scope> scope, boolean guarded) {
    if (e instanceof Var v) {
      if (find(scope, v.name()) != null) return Sym.index(v.name());
      VarSpec spec = spec(v.name());
      if (spec.isVector()) {
        throw new SymException("'" + v.name() + "' is a vector of " + spec.size()
            + " elements: use one element, as in " + v.name() + "[1]");
      }
      return e;
    }
    if (e instanceof Index i) {
      if (find(scope, i.name()) == null) {
        if (sig.find(i.name()) != null && !sig.find(i.name()).isVector()) return Sym.var(i.name());
        throw new SymException("the index '" + i.name() + "' is used outside of a sum over it");
      }
      return e;
    }
    if (e instanceof Elem el) {
      VarSpec spec = spec(el.vector());
      if (!spec.isVector()) throw new SymException("'" + el.vector() + "' is a scalar and cannot be indexed");
      Expr idx = check(el.index(), scope, guarded);
      Expr shown = Sym.elem(el.vector(), idx);
      requireWhole(idx, "the index in " + shown.text());
      checkRange(el.vector(), spec.size(), Simplifier.simplify(idx, sig), scope, guarded, shown);
      return shown;
    }
    if (e instanceof Loop l) {
      if (sig.find(l.index()) != null) {
        throw new SymException("the sum index '" + l.index() + "' has the name of a variable of " + fname);
      }
      Expr lo = check(l.lo(), scope, guarded);
      Expr hi = check(l.hi(), scope, guarded);
      requireWhole(lo, "the lower bound of the " + (l.isProduct() ? "prod" : "sum") + " over " + l.index());
      requireWhole(hi, "the upper bound of the " + (l.isProduct() ? "prod" : "sum") + " over " + l.index());
      Expr slo = Simplifier.simplify(lo, sig);
      Expr shi = Simplifier.simplify(hi, sig);
      List<Scope> inner = new ArrayList<>(scope);
      inner.add(new Scope(l.index(), slo instanceof Const c ? c.value() : null, shi instanceof Const c ? c.value() : null));
      return Sym.loop(l.isProduct(), l.index(), lo, hi, check(l.body(), inner, guarded));
    }
    if (e instanceof Where w) {
      return Sym.where(check(w.cond(), scope, guarded), check(w.a(), scope, true), check(w.b(), scope, true));
    }
    List<Expr> ch = Exprs.children(e);
    if (ch.isEmpty()) return e;
    List<Expr> out = new ArrayList<>(ch.size());
    for (Expr c : ch) out.add(check(c, scope, guarded));
    return Exprs.withChildren(e, out);
  }

  private VarSpec spec(String name) {
    VarSpec spec = sig.find(name);
    if (spec == null) {
      List<String> names = sig.names();
      throw new SymException("unknown name '" + name + "' in " + fname + " ("
          + (names.isEmpty() ? "it has no variables" : "its variables and fields are: " + String.join(", ", names)) + ")");
    }
    return spec;
  }

  /**
   * An index or a bound is any expression of sum indices and constants ({@code 1..n/2},
   * {@code x[2*i]}); a constant one must be a whole number now, the others are checked when they
   * are computed.
   */
  private void requireWhole(Expr e, String what) {
    Expr v = Simplifier.simplify(e, sig);
    if (v instanceof Const c) {
      double k = c.value();
      if (k != Math.rint(k) || Double.isInfinite(k)) throw new SymException(what + " must be a whole number, got " + Numbers.format(k));
      return;
    }
    for (String name : Exprs.names(v)) {
      throw new SymException(what + " must be built from sum indices and constants, but it uses '" + name + "'");
    }
  }

  private void checkRange(String vec, int size, Expr idx, List<Scope> scope, boolean guarded, Expr shown) {
    double lo;
    double hi;
    if (idx instanceof Const c) {
      lo = hi = c.value();
    } else {
      if (guarded) return;
      Index ix = null;
      double off = 0;
      if (idx instanceof Index i) ix = i;
      else if (idx instanceof Expr.Add a && a.terms().size() == 2 && a.terms().get(0) instanceof Index i
          && a.terms().get(1) instanceof Const c) {
        ix = i;
        off = c.value();
      }
      if (ix == null) return;
      Scope s = find(scope, ix.name());
      if (s == null || s.lo() == null || s.hi() == null || s.hi() < s.lo()) return;
      lo = s.lo() + off;
      hi = s.hi() + off;
    }
    if (lo < 1 || hi > size) {
      double bad = lo < 1 ? lo : hi;
      String head = idx instanceof Const ? "index " + Numbers.format(bad) + " is" : shown.text() + " reaches index " + Numbers.format(bad) + ",";
      throw new SymException(head + " out of range for " + vec + "[" + size + "] (valid: 1.." + size + ")");
    }
  }
}
