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

  /** A vector-valued model: its body's value is a local list (a one-index array). */
  static VectorFunction declareVector(String name, Signature sig, Expr body) {
    Expr checked = new Declare(name, sig).check(body, new ArrayList<>(), false);
    Expr simple = Simplifier.simplify(checked, sig);
    if (!(simple instanceof Expr.Array a) || a.indices().size() != 1) {
      throw new SymException("the value of " + name + " must be a number or a list, not a matrix");
    }
    return new VectorFunction(name, sig, a);
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
    if (e instanceof Elem el) return element(el, scope, guarded);
    if (e instanceof Loop l) {
      if (sig.find(l.index()) != null) {
        throw new SymException("the " + l.kind().text() + " index '" + l.index() + "' has the name of a variable of " + fname);
      }
      Expr lo = check(l.lo(), scope, guarded);
      Expr hi = check(l.hi(), scope, guarded);
      requireWhole(lo, "the lower bound of the " + l.kind().text() + " over " + l.index());
      requireWhole(hi, "the upper bound of the " + l.kind().text() + " over " + l.index());
      Expr slo = Simplifier.simplify(lo, sig);
      Expr shi = Simplifier.simplify(hi, sig);
      List<Scope> inner = new ArrayList<>(scope);
      inner.add(new Scope(l.index(), slo instanceof Const c ? c.value() : null, shi instanceof Const c ? c.value() : null));
      return Sym.loop(l.kind(), l.index(), lo, hi, check(l.body(), inner, guarded));
    }
    if (e instanceof Expr.Array a) return array(a, scope);
    if (e instanceof Expr.At at) return at(at, scope, guarded);
    if (e instanceof Where w) {
      return Sym.where(check(w.cond(), scope, guarded), check(w.a(), scope, true), check(w.b(), scope, true));
    }
    List<Expr> ch = Exprs.children(e);
    if (ch.isEmpty()) return e;
    List<Expr> out = new ArrayList<>(ch.size());
    for (Expr c : ch) out.add(check(c, scope, guarded));
    return Exprs.withChildren(e, out);
  }

  /** {@code x[i]} or {@code W[j, k]}: the right number of whole-number indices, in range. */
  private Expr element(Elem el, List<Scope> scope, boolean guarded) {
    VarSpec spec = spec(el.vector());
    if (!spec.isVector()) throw new SymException("'" + el.vector() + "' is a scalar and cannot be indexed");
    if (el.indices().size() != spec.rank()) {
      throw new SymException("'" + spec.shapeText() + "' takes " + (spec.rank() == 1 ? "one index" : "two indices")
          + ", got " + el.indices().size() + " in " + Printer.compact(el));
    }
    List<Expr> idx = new ArrayList<>();
    for (Expr i : el.indices()) idx.add(check(i, scope, guarded));
    Expr shown = Sym.elem(el.vector(), idx);
    boolean byData = false;
    for (Expr i : idx) byData |= usesField(i, shown);
    if (byData) {
      // an element picked by a data field is read from a local copy of the vector, so its
      // derivative is a selection (where) and every gradient entry keeps a fixed slot
      List<String> names = new ArrayList<>();
      List<Expr> los = new ArrayList<>();
      List<Expr> his = new ArrayList<>();
      List<Expr> own = new ArrayList<>();
      for (int d = 0; d < spec.rank(); d++) {
        String n = d == 0 ? "i" : "j";
        names.add(n);
        los.add(Sym.ONE);
        his.add(Sym.num(spec.dims().get(d)));
        own.add(Sym.index(n));
      }
      Expr copy = Sym.array(el.vector(), names, los, his, Sym.elem(el.vector(), own));
      return at((Expr.At) Sym.at(copy, idx), scope, guarded);
    }
    List<Integer> dims = spec.dims();
    for (int d = 0; d < idx.size(); d++) {
      String what = idx.size() == 1 ? "the index in " + Printer.compact(shown) : "index " + (d + 1) + " in " + Printer.compact(shown);
      requireWhole(idx.get(d), what);
      checkRange(spec.shapeText(), 1, dims.get(d), Simplifier.simplify(idx.get(d), sig), scope, guarded, shown);
    }
    return shown;
  }

  /** A local array: indices not named like a variable, whole-number constant bounds, a valid body. */
  private Expr array(Expr.Array a, List<Scope> scope) {
    List<Scope> inner = new ArrayList<>(scope);
    List<Expr> los = new ArrayList<>();
    List<Expr> his = new ArrayList<>();
    for (int d = 0; d < a.indices().size(); d++) {
      String i = a.indices().get(d);
      if (sig.find(i) != null) throw new SymException("the index '" + i + "' of " + a.name() + " has the name of a variable of " + fname);
      Expr lo = Simplifier.simplify(check(a.lo().get(d), scope, false), sig);
      Expr hi = Simplifier.simplify(check(a.hi().get(d), scope, false), sig);
      for (Expr b : List.of(lo, hi)) {
        if (!(b instanceof Const c) || c.value() != Math.rint(c.value()) || Math.abs(c.value()) > 1e9) {
          throw new SymException("the range of " + a.name() + "[" + i + " in ...] must have whole-number bounds known when "
              + fname + " is declared, got " + Printer.compact(b));
        }
      }
      if (((Const) hi).value() < ((Const) lo).value()) {
        throw new SymException("the range of " + a.name() + "[" + i + " in " + Printer.compact(lo) + ".." + Printer.compact(hi) + "] is empty");
      }
      los.add(lo);
      his.add(hi);
      inner.add(new Scope(i, ((Const) lo).value(), ((Const) hi).value()));
    }
    long n = 1;
    for (int d = 0; d < los.size(); d++) n *= (long) (((Const) his.get(d)).value() - ((Const) los.get(d)).value() + 1);
    if (n > 50_000_000) throw new SymException("the local " + a.name() + " would have " + n + " entries (at most 50000000)");
    return Sym.array(a.name(), a.indices(), los, his, check(a.body(), inner, false));
  }

  /** An element of a local array: one whole-number index per dimension (sum indices, constants or data fields), in range. */
  private Expr at(Expr.At at, List<Scope> scope, boolean guarded) {
    Expr arr = check(at.array(), scope, guarded);
    if (!(arr instanceof Expr.Array a)) throw new IllegalStateException("an element read of a non-array");
    if (at.indices().size() != a.indices().size()) {
      throw new SymException("the local " + shape(a) + " takes " + (a.indices().size() == 1 ? "one index" : "two indices")
          + ", got " + at.indices().size());
    }
    List<Expr> idx = new ArrayList<>();
    for (Expr i : at.indices()) idx.add(check(i, scope, guarded));
    Expr shown = Sym.at(a, idx);
    for (int d = 0; d < idx.size(); d++) {
      Expr i = Simplifier.simplify(idx.get(d), sig);
      if (i instanceof Const c && (c.value() != Math.rint(c.value()) || Double.isInfinite(c.value()))) {
        throw new SymException("the index in " + Printer.compact(shown) + " must be a whole number, got " + Numbers.format(c.value()));
      }
      for (String name : Exprs.names(i)) {
        if (sig.isVariable(name)) {
          throw new SymException("the index in " + Printer.compact(shown) + " uses the variable '" + name
              + "'; an index is built from sum indices, constants and data fields");
        }
      }
      double lo = ((Const) a.lo().get(d)).value();
      double hi = ((Const) a.hi().get(d)).value();
      checkRange(shape(a), lo, hi, i, scope, guarded, shown);
    }
    return shown;
  }

  /** {@code z[3]}, {@code A[2, 3]}, or {@code h[0..15]} when the range does not start at 1. */
  static String shape(Expr.Array a) {
    List<String> parts = new ArrayList<>();
    for (int d = 0; d < a.indices().size(); d++) {
      double lo = ((Const) a.lo().get(d)).value();
      parts.add(lo == 1 ? Integer.toString(a.extent(d)) : Numbers.format(lo) + ".." + Numbers.format(((Const) a.hi().get(d)).value()));
    }
    return a.name() + "[" + String.join(", ", parts) + "]";
  }

  /** True when the index uses a data field (so its value is known only per row). */
  private boolean usesField(Expr index, Expr shown) {
    boolean field = false;
    for (String name : Exprs.names(index)) {
      if (sig.isVariable(name)) {
        throw new SymException("the index in " + Printer.compact(shown) + " uses the variable '" + name
            + "'; an index is built from sum indices, constants and data fields");
      }
      field = true;
    }
    return field;
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

  private void checkRange(String shape, double first, double last, Expr idx, List<Scope> scope, boolean guarded, Expr shown) {
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
    if (lo < first || hi > last) {
      double bad = lo < first ? lo : hi;
      String head = idx instanceof Const ? "index " + Numbers.format(bad) + " is" : Printer.compact(shown) + " reaches index " + Numbers.format(bad) + ",";
      throw new SymException(head + " out of range for " + shape + " (valid: " + Numbers.format(first) + ".." + Numbers.format(last) + ")");
    }
  }
}
