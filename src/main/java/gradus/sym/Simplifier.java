package gradus.sym;

import gradus.sym.Expr.Add;
import gradus.sym.Expr.Call;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.MinMax;
import gradus.sym.Expr.Mul;
import gradus.sym.Expr.Pow;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bottom-up simplification to a canonical form: children first, then the rules of the node, then
 * constant folding.
 *
 * <p>Rules: sums and products are flattened; like terms are collected ({@code x + x -> 2*x}) and
 * like factors too ({@code x*x -> x^2}, {@code x^a*x^b -> x^(a+b)}); constants are folded; no
 * {@code 1*}, {@code + 0}, {@code x^1}, {@code x^0}; a numeric factor distributes over a sum
 * ({@code 0.5*(2*x^2 + 4) -> x^2 + 2}); powers of sums are not expanded; {@code (x^a)^n ->
 * x^(a*n)} and {@code (x*y)^n -> x^n*y^n} only for integer n. A product with a zero constant is
 * 0. These rules keep every value where the original is defined (they may define a value where
 * the original was nan, e.g. {@code x/x -> 1}).
 *
 * <p>Term order (SPEC §9): descending degree, then by the variables (a term with a higher power of
 * an earlier variable first; variables in the signature's order, vector elements by index, then
 * fields, then unknown names alphabetically), the constant last. Factors of a product: the
 * number first, then by their earliest variable (a sum counts by its leading term), a plain
 * power before a compound factor on a tie ({@code 2*(w*u + b - v)*u}, {@code -400*x[1]*(x[2] - ...)}).
 */
public final class Simplifier {
  private final Order order;
  private final Map<Expr, Expr> memo = new HashMap<>();

  private Simplifier(Signature sig) {
    this.order = new Order(sig);
  }

  /** Simplifies with the variable order of {@code sig} (null: alphabetical). */
  public static Expr simplify(Expr e, Signature sig) {
    return new Simplifier(sig).s(e);
  }

  /** A simplifier that keeps its memo table across calls (for many related expressions). */
  public static java.util.function.UnaryOperator<Expr> session(Signature sig) {
    Simplifier s = new Simplifier(sig);
    return s::s;
  }

  Expr s(Expr e) {
    Expr done = memo.get(e);
    if (done != null) return done;
    Expr r = rules(e);
    memo.put(e, r);
    memo.put(r, r);
    return r;
  }

  private Expr rules(Expr e) {
    if (e instanceof Const c) return c.value() == 0 ? Sym.ZERO : e;
      if (e instanceof Var v) return e;
      if (e instanceof Index i) return e;
      if (e instanceof Elem el) return Sym.elem(el.vector(), map(el.indices()));
      if (e instanceof Add a) return addTerms(map(a.terms()));
      if (e instanceof Mul m) return mulFactors(map(m.factors()));
      if (e instanceof Pow p) return pow(s(p.base()), s(p.exponent()));
      if (e instanceof Call c) return call(c.fn(), s(c.arg()));
      if (e instanceof MinMax m) return minMax(m.isMax(), s(m.a()), s(m.b()));
      if (e instanceof Where w) return where(s(w.cond()), s(w.a()), s(w.b()));
      if (e instanceof Cmp c) return cmp(c.op(), s(c.a()), s(c.b()));
      if (e instanceof Logic l) return logic(l.op(), map(l.args()));
      if (e instanceof Loop l) return loop(l.kind(), l.index(), s(l.lo()), s(l.hi()), s(l.body()));
      if (e instanceof Expr.Array a) return Sym.array(a.name(), a.indices(), map(a.lo()), map(a.hi()), s(a.body()));
      if (e instanceof Expr.At at) return at(s(at.array()), map(at.indices()));
    throw new IllegalStateException();
  }

  private List<Expr> map(List<Expr> xs) {
    List<Expr> out = new ArrayList<>(xs.size());
    for (Expr x : xs) out.add(s(x));
    return out;
  }

  // ---- sums ----

  Expr addTerms(List<Expr> terms) {
    List<Expr> flat = new ArrayList<>();
    for (Expr t : terms) {
      if (t instanceof Add a) flat.addAll(a.terms());
      else flat.add(t);
    }
    flat = joinWheres(flat);
    double constant = 0;
    Map<Expr, Double> coef = new LinkedHashMap<>();
    for (Expr t : flat) {
      if (t instanceof Const c) {
        constant += c.value();
        continue;
      }
      double k = 1;
      Expr rest = t;
      if (t instanceof Mul m && m.factors().get(0) instanceof Const c) {
        k = c.value();
        rest = Sym.mul(m.factors().subList(1, m.factors().size()));
      }
      coef.merge(rest, k, Double::sum);
    }
    List<Expr> out = new ArrayList<>();
    for (Map.Entry<Expr, Double> en : coef.entrySet()) {
      double k = en.getValue();
      if (k == 0) continue;
      out.add(term(k, en.getKey()));
    }
    out.sort(order::compareTerms);
    if (constant != 0 || Double.isNaN(constant)) out.add(Sym.num(constant));
    if (out.isEmpty()) return Sym.ZERO;
    return Sym.add(out);
  }

  /** {@code where(c, a, b) + where(c, d, e)} is {@code where(c, a + d, b + e)}. */
  private List<Expr> joinWheres(List<Expr> terms) {
    Map<Expr, List<Where>> byCond = new LinkedHashMap<>();
    for (Expr t : terms) if (t instanceof Where w) byCond.computeIfAbsent(w.cond(), k -> new ArrayList<>()).add(w);
    if (byCond.values().stream().allMatch(ws -> ws.size() < 2)) return terms;
    List<Expr> out = new ArrayList<>();
    // by condition, not by term: hash-consed terms that are equal are the same object
    Set<Expr> joined = new HashSet<>();
    for (Expr t : terms) {
      if (!(t instanceof Where w)) {
        out.add(t);
        continue;
      }
      List<Where> same = byCond.get(w.cond());
      if (same.size() < 2) {
        out.add(t);
        continue;
      }
      if (!joined.add(w.cond())) continue;
      List<Expr> as = new ArrayList<>();
      List<Expr> bs = new ArrayList<>();
      for (Where x : same) {
        as.add(x.a());
        bs.add(x.b());
      }
      out.add(where(w.cond(), addTerms(as), addTerms(bs)));
    }
    return out;
  }

  private static Expr term(double k, Expr rest) {
    if (k == 1) return rest;
    List<Expr> fs = new ArrayList<>();
    fs.add(Sym.num(k));
    if (rest instanceof Mul m) fs.addAll(m.factors());
    else fs.add(rest);
    return Sym.mul(fs);
  }

  // ---- products ----

  Expr mulFactors(List<Expr> factors) {
    List<Expr> flat = new ArrayList<>();
    for (Expr f : factors) {
      if (f instanceof Mul m) flat.addAll(m.factors());
      else flat.add(f);
    }
    double k = 1;
    Map<Expr, Expr> powers = new LinkedHashMap<>();
    for (Expr f : flat) {
      if (f instanceof Const c) {
        k *= c.value();
        continue;
      }
      Expr base = f;
      Expr exp = Sym.ONE;
      if (f instanceof Pow p) {
        base = p.base();
        exp = p.exponent();
      }
      Expr old = powers.get(base);
      powers.put(base, old == null ? exp : addTerms(List.of(old, exp)));
    }
    List<Expr> out = new ArrayList<>();
    for (Map.Entry<Expr, Expr> en : powers.entrySet()) {
      Expr f = pow(en.getKey(), en.getValue());
      if (f instanceof Const c) k *= c.value();
      else if (f instanceof Mul m) {
        for (Expr g : m.factors()) {
          if (g instanceof Const c) k *= c.value();
          else out.add(g);
        }
      } else out.add(f);
    }
    if (k == 0) return Sym.ZERO;
    if (out.isEmpty()) return Sym.num(k);
    if (out.size() == 1 && out.get(0) instanceof Add a && k != 1) {
      List<Expr> ts = new ArrayList<>();
      for (Expr t : a.terms()) ts.add(mulFactors(List.of(Sym.num(k), t)));
      return addTerms(ts);
    }
    out.sort(order::compareFactors);
    if (k != 1) out.add(0, Sym.num(k));
    return Sym.mul(out);
  }

  // ---- powers ----

  Expr pow(Expr b, Expr e) {
    if (e instanceof Const ce) {
      double n = ce.value();
      if (n == 0) return Sym.ONE;
      if (n == 1) return b;
      if (b instanceof Const cb) return Sym.num(Fns.pow(cb.value(), n));
      boolean integer = n == Math.rint(n) && !Double.isInfinite(n);
      if (integer && b instanceof Pow p && p.exponent() instanceof Const pe) {
        return pow(p.base(), Sym.num(pe.value() * n));
      }
      if (integer && b instanceof Mul m) {
        List<Expr> fs = new ArrayList<>();
        for (Expr f : m.factors()) fs.add(pow(f, e));
        return mulFactors(fs);
      }
    }
    if (b instanceof Const cb && cb.value() == 1) return Sym.ONE;
    return Sym.pow(b, e);
  }

  // ---- the rest ----

  private static Expr call(Expr.Fn fn, Expr a) {
    if (a instanceof Const c) return Sym.num(Fns.apply(fn, c.value()));
    return Sym.call(fn, a);
  }

  private static Expr minMax(boolean isMax, Expr a, Expr b) {
    if (a == b) return a;
    if (a instanceof Const x && b instanceof Const y) {
      return Sym.num(isMax ? Math.max(x.value(), y.value()) : Math.min(x.value(), y.value()));
    }
    return isMax ? Sym.max(a, b) : Sym.min(a, b);
  }

  /** {@code where(not c, a, b)} is {@code where(c, b, a)}: one form per selection. */
  private static Expr where(Expr c, Expr a, Expr b) {
    if (c instanceof Const k) return k.value() != 0 ? a : b;
    if (a == b) return a;
    if (c instanceof Logic l && l.op().equals("not")) return where(truth(l.args().get(0)), b, a);
    return Sym.where(c, a, b);
  }

  private static Expr cmp(String op, Expr a, Expr b) {
    if (a instanceof Const x && b instanceof Const y) return Sym.num(Fns.compare(op, x.value(), y.value()));
    return Sym.cmp(op, a, b);
  }

  private static Expr logic(String op, List<Expr> args) {
    if (op.equals("not")) {
      Expr a = args.get(0);
      if (a instanceof Const c) return Sym.num(c.value() != 0 ? 0 : 1);
      if (a instanceof Logic l && l.op().equals("not")) return truth(l.args().get(0));
      return Sym.not(a);
    }
    boolean isAnd = op.equals("and");
    List<Expr> keep = new ArrayList<>();
    for (Expr a : args) {
      if (a instanceof Const c) {
        boolean t = c.value() != 0;
        if (isAnd && !t) return Sym.ZERO;
        if (!isAnd && t) return Sym.ONE;
        continue;
      }
      if (!keep.contains(a)) keep.add(a);
    }
    if (keep.isEmpty()) return isAnd ? Sym.ONE : Sym.ZERO;
    if (keep.size() == 1) return truth(keep.get(0));
    return Sym.logic(op, keep);
  }

  /** {@code a} as a 0/1 truth value (comparisons and logic already are). */
  private static Expr truth(Expr a) {
    if (a instanceof Cmp || a instanceof Logic) return a;
    return Sym.cmp("!=", a, Sym.ZERO);
  }

  private Expr loop(Expr.Kind kind, String index, Expr lo, Expr hi, Expr body) {
    boolean isProduct = kind == Expr.Kind.PROD;
    Expr empty = Sym.num(kind.empty());
    if ((kind == Expr.Kind.SUM || isProduct) && body == empty) return empty;
    if (lo instanceof Const l && hi instanceof Const h) {
      if (h.value() < l.value()) return empty;
      if (h.value() == l.value()) return s(Exprs.substituteIndices(body, Map.of(index, lo)));
      if (!Exprs.hasFreeIndex(body, index)) {
        Expr count = Sym.num(h.value() - l.value() + 1);
        return switch (kind) {
          case SUM -> mulFactors(List.of(count, body));
          case PROD -> pow(body, count);
          case MAX -> body;
          case LOGSUMEXP -> addTerms(List.of(body, Sym.num(Math.log(h.value() - l.value() + 1))));
        };
      }
    }
    return Sym.loop(kind, index, lo, hi, body);
  }

  /** An element of a local array at constant indices (in range) is that element's formula. */
  private Expr at(Expr array, List<Expr> indices) {
    if (array instanceof Expr.Array a && indices.stream().allMatch(i -> i instanceof Const)) {
      Map<String, Expr> env = new HashMap<>();
      for (int d = 0; d < indices.size(); d++) {
        double k = ((Const) indices.get(d)).value();
        double lo = ((Const) a.lo().get(d)).value();
        double hi = ((Const) a.hi().get(d)).value();
        if (k != Math.rint(k) || k < lo || k > hi) return Sym.at(array, indices);
        env.put(a.indices().get(d), indices.get(d));
      }
      return s(Exprs.substituteIndices(a.body(), env));
    }
    return Sym.at(array, indices);
  }

  /** The canonical order of terms and factors. */
  static final class Order {
    private final Signature sig;
    private final Map<Expr, Key> keys = new HashMap<>();

    Order(Signature sig) {
      this.sig = sig;
    }

    /** A variable in the order: rank, then name, then constant index offset. */
    record VarKey(int rank, String name, double sub) implements Comparable<VarKey> {
      public int compareTo(VarKey o) {
        if (rank != o.rank) return Integer.compare(rank, o.rank);
        int c = name.compareTo(o.name);
        return c != 0 ? c : Double.compare(sub, o.sub);
      }
    }

    /** A term's monomial: sorted (variable, exponent) pairs and the total degree. */
    record Key(List<VarKey> vars, List<Double> exps, double degree, boolean simple) {}

    private VarKey varKey(String name, double sub) {
      int r = sig == null ? -1 : sig.rank(name);
      return new VarKey(r < 0 ? Integer.MAX_VALUE : r, name, sub);
    }

    Key key(Expr e) {
      Key k = keys.get(e);
      if (k == null) {
        k = computeKey(e);
        keys.put(e, k);
      }
      return k;
    }

    private Key computeKey(Expr e) {
      Map<VarKey, Double> m = new HashMap<>();
      boolean simple = collect(e, 1, m);
      List<VarKey> vs = new ArrayList<>(m.keySet());
      vs.sort(null);
      List<Double> xs = new ArrayList<>();
      double deg = 0;
      for (VarKey v : vs) {
        xs.add(m.get(v));
        deg += m.get(v);
      }
      return new Key(vs, xs, deg, simple);
    }

    /** Adds the monomial exponents of {@code e} (times w) into m; true when e is a plain monomial. */
    private boolean collect(Expr e, double w, Map<VarKey, Double> m) {
      if (e instanceof Const || e instanceof Index) return true;
      if (e instanceof Var v) {
        m.merge(varKey(v.name(), 0), w, Double::sum);
        return true;
      }
      if (e instanceof Elem el) {
        double sub = 0;
        for (Expr i : el.indices()) sub = sub * 1e6 + indexOffset(i);
        m.merge(varKey(el.vector(), sub), w, Double::sum);
        return true;
      }
      if (e instanceof Expr.At at && at.array() instanceof Expr.Array a) {
        // a local's entry orders after the variables, like a field
        double sub = 0;
        for (Expr i : at.indices()) sub = sub * 1e6 + indexOffset(i);
        m.merge(new VarKey(Integer.MAX_VALUE - 1, a.name(), sub), w, Double::sum);
        return true;
      }
      if (e instanceof Mul mu) {
        boolean simple = true;
        for (Expr f : mu.factors()) simple &= collect(f, w, m);
        return simple;
      }
      if (e instanceof Pow p) {
        if (p.exponent() instanceof Const c) return collect(p.base(), w * c.value(), m);
        collect(p.base(), w, m);
        return false;
      }
      if (e instanceof Add a) {
        collect(a.terms().get(0), w, m);
        return false;
      }
      if (e instanceof Loop l) {
        collect(l.body(), w, m);
        return false;
      }
      Map<VarKey, Double> inner = new HashMap<>();
      for (Expr c : Exprs.children(e)) collect(c, 1, inner);
      for (VarKey k : inner.keySet()) m.merge(k, w, Double::sum);
      return false;
    }

    private static double indexOffset(Expr idx) {
      if (idx instanceof Const c) return c.value();
      if (idx instanceof Add a && a.terms().get(a.terms().size() - 1) instanceof Const c) return c.value();
      return 0;
    }

    int compareTerms(Expr a, Expr b) {
      Key ka = key(a);
      Key kb = key(b);
      if (ka.degree != kb.degree) return Double.compare(kb.degree, ka.degree);
      int c = compareVars(ka, kb);
      if (c != 0) return c;
      if (ka.simple != kb.simple) return ka.simple ? -1 : 1;
      return text(a).compareTo(text(b));
    }

    private final Map<Expr, String> texts = new HashMap<>();

    /** The last tie-break, the printed form; printed once per node, not once per comparison. */
    private String text(Expr e) {
      return texts.computeIfAbsent(e, Printer::compact);
    }

    int compareFactors(Expr a, Expr b) {
      Key ka = key(a);
      Key kb = key(b);
      boolean ea = ka.vars.isEmpty();
      boolean eb = kb.vars.isEmpty();
      if (ea != eb) return ea ? -1 : 1;
      if (!ea) {
        int c = ka.vars.get(0).compareTo(kb.vars.get(0));
        if (c != 0) return c;
      }
      if (ka.simple != kb.simple) return ka.simple ? -1 : 1;
      return text(a).compareTo(text(b));
    }

    private static int compareVars(Key a, Key b) {
      int n = Math.min(a.vars.size(), b.vars.size());
      for (int i = 0; i < n; i++) {
        int c = a.vars.get(i).compareTo(b.vars.get(i));
        if (c != 0) return c;
        int d = Double.compare(b.exps.get(i), a.exps.get(i));
        if (d != 0) return d;
      }
      return Integer.compare(b.vars.size(), a.vars.size());
    }
  }
}
