package gradus.sym;

import gradus.sym.Expr.Const;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Printing support only: runs a scatter program symbolically for concrete index values and
 * collects, per output slot, the sum of the expressions added to it. Evaluation and
 * differentiation never do this; a work budget keeps printing of large cases bounded.
 */
final class Unroll {
  static final class TooBig extends RuntimeException {
    TooBig() {
      super(null, null, false, false);
    }
  }

  private final Signature sig;
  private final int cols;
  private final Set<Long> wanted;
  private long budget;
  private final UnaryOperator<Expr> simp;
  private final boolean unrollInner;

  private Unroll(Signature sig, int cols, Set<Long> wanted, long budget) {
    this.unrollInner = budget <= FULL_LIMIT;
    this.sig = sig;
    this.cols = cols;
    this.wanted = wanted;
    this.budget = budget;
    this.simp = Simplifier.session(sig);
  }

  /**
   * Entries (key: column for a gradient, row*cols + column for a Hessian) → simplified
   * expression; only {@code wanted} keys when not null. Throws TooBig past the budget.
   */
  static Map<Long, Expr> entries(List<Stmt> stmts, Signature sig, int cols, Set<Long> wanted, long budget) {
    Unroll u = new Unroll(sig, cols, wanted, budget);
    Map<Long, List<Expr>> parts = new LinkedHashMap<>();
    u.run(stmts, new HashMap<>(), parts);
    Map<Long, Expr> out = new HashMap<>();
    for (Map.Entry<Long, List<Expr>> en : parts.entrySet()) {
      long key = en.getKey();
      if (en.getValue().size() > MAX_PARTS) {
        // too many terms to show unrolled: the loop form of this entry
        Expr loopForm = cols == 0 ? slotExpr(stmts, sig, sig.ref((int) key))
            : slotExpr2(stmts, sig.ref((int) (key / cols)), sig.ref((int) (key % cols)));
        out.put(key, u.simp.apply(loopForm));
        continue;
      }
      Expr e = Sym.add(en.getValue());
      if (u.unrollInner) e = u.unrollLoops(e, new HashMap<>());
      out.put(en.getKey(), u.simp.apply(e));
    }
    return out;
  }

  /** Up to this budget, sums inside entries are unrolled too (small cases print loop-free). */
  static final long FULL_LIMIT = 1_000_000;

  /** An entry made of more terms than this prints in loop form; so do longer inner sums. */
  static final int MAX_PARTS = 100;

  /** Replaces loops with constant bounds by their terms, while the budget lasts. */
  private Expr unrollLoops(Expr e, Map<Expr, Expr> memo) {
    Expr done = memo.get(e);
    if (done != null) return done;
    Expr r = e;
    List<Expr> ch = Exprs.children(e);
    if (!ch.isEmpty()) {
      List<Expr> out = new ArrayList<>(ch.size());
      for (Expr c : ch) out.add(unrollLoops(c, memo));
      r = Exprs.withChildren(e, out);
    }
    if (r instanceof Expr.Loop l && (l.kind() == Expr.Kind.SUM || l.kind() == Expr.Kind.PROD) && l.lo() instanceof Const lo && l.hi() instanceof Const hi
        && hi.value() - lo.value() < MAX_PARTS && budget > hi.value() - lo.value()) {
      List<Expr> terms = new ArrayList<>();
      for (double i = lo.value(); i <= hi.value(); i++) {
        budget--;
        terms.add(unrollLoops(Exprs.substituteIndices(l.body(), Map.of(l.index(), Sym.num(i))), memo));
      }
      r = switch (l.kind()) {
        case SUM -> Sym.add(terms);
        case PROD -> Sym.mul(terms);
        default -> r;
      };
    }
    memo.put(e, r);
    return r;
  }

  private void run(List<Stmt> stmts, Map<String, Expr> env, Map<Long, List<Expr>> parts) {
    for (Stmt s : stmts) {
      if (--budget < 0) throw new TooBig();
      if (s instanceof Stmt.Acc a) {
        long col = flat(a.col(), env);
        if (col < 0) continue;
        long key = col;
        if (a.row() != null) {
          long row = flat(a.row(), env);
          if (row < 0) continue;
          key = row * cols + col;
        }
        if (wanted != null && !wanted.contains(key)) continue;
        parts.computeIfAbsent(key, k -> new ArrayList<>()).add(Exprs.substituteIndices(a.value(), env));
      } else if (s instanceof Stmt.For f) {
        long lo = (long) Math.ceil(value(f.lo(), env));
        long hi = (long) Math.floor(value(f.hi(), env));
        Map<String, Expr> inner = new HashMap<>(env);
        java.util.TreeSet<Long> cand = wanted == null ? null : candidates(f.body(), f.index());
        if (cand != null) {
          for (long i : cand.subSet(lo, true, Math.max(lo, hi), true)) {
            if (i > hi) break;
            inner.put(f.index(), Sym.num(i));
            run(f.body(), inner, parts);
          }
          continue;
        }
        for (long i = lo; i <= hi; i++) {
          inner.put(f.index(), Sym.num(i));
          run(f.body(), inner, parts);
        }
      }
    }
  }

  /**
   * The iterations of a loop body that can reach a wanted slot, when every scatter-add in it
   * (outside nested loops) writes to {@code index + c}; null when that is not known (scan all).
   */
  private java.util.TreeSet<Long> candidates(List<Stmt> body, String index) {
    java.util.TreeSet<Long> out = new java.util.TreeSet<>();
    for (Stmt s : body) {
      if (s instanceof Stmt.For) return null;
      if (s instanceof Stmt.Acc a) {
        Double c = offset(a.col(), index);
        boolean useRow = false;
        if (c == null && a.row() != null) {
          c = offset(a.row(), index);
          useRow = true;
        }
        if (c == null) return null;
        String var = useRow ? a.row().var() : a.col().var();
        long base = sig.offset(var);
        for (long k : wanted) {
          long flat = a.row() == null ? k : useRow ? k / cols : k % cols;
          out.add(flat - base + 1 - c.longValue());
        }
      }
    }
    return out;
  }

  /** c when the slot's (vector) index is {@code index + c}, else null. */
  private Double offset(Stmt.Slot slot, String index) {
    if (slot == null || slot.indices().size() != 1) return null;
    Expr e = slot.index();
    if (e instanceof Expr.Index i && i.name().equals(index)) return 0.0;
    if (e instanceof Expr.Add a && a.terms().size() == 2 && a.terms().get(0) instanceof Expr.Index i
        && i.name().equals(index) && a.terms().get(1) instanceof Const c && c.value() == Math.rint(c.value())) {
      return c.value();
    }
    return null;
  }

  private long flat(Stmt.Slot s, Map<String, Expr> env) {
    int off = sig.offset(s.var());
    if (s.scalar()) return off;
    VarSpec spec = sig.find(s.var());
    List<Integer> dims = spec.dims();
    long k = 0;
    for (int d = 0; d < s.indices().size(); d++) {
      double v = value(s.indices().get(d), env);
      if (v != Math.rint(v) || v < 1 || v > dims.get(d)) return -1;
      k = k * dims.get(d) + (long) v - 1;
    }
    return off + k;
  }

  /** The value of an index expression (sum indices and constants only). */
  static double value(Expr e, Map<String, Expr> env) {
    if (e instanceof Const c) return c.value();
    if (e instanceof Expr.Index i) {
      Expr v = env.get(i.name());
      if (v instanceof Const c) return c.value();
      throw new SymException("the index '" + i.name() + "' is used outside its sum");
    }
    if (e instanceof Expr.Add a) {
      double s = 0;
      for (Expr t : a.terms()) s += value(t, env);
      return s;
    }
    if (e instanceof Expr.Mul m) {
      double s = 1;
      for (Expr t : m.factors()) s *= value(t, env);
      return s;
    }
    if (e instanceof Expr.Pow p) return Fns.pow(value(p.base(), env), value(p.exponent(), env));
    if (e instanceof Expr.Call c) return Fns.apply(c.fn(), value(c.arg(), env));
    if (e instanceof Expr.MinMax m) {
      double a = value(m.a(), env);
      double b = value(m.b(), env);
      return m.isMax() ? Math.max(a, b) : Math.min(a, b);
    }
    if (e instanceof Expr.Where w) return value(w.cond(), env) != 0 ? value(w.a(), env) : value(w.b(), env);
    if (e instanceof Expr.Cmp c) return Fns.compare(c.op(), value(c.a(), env), value(c.b(), env));
    if (e instanceof Expr.Logic l) {
      boolean r = l.op().equals("and");
      if (l.op().equals("not")) return value(l.args().get(0), env) != 0 ? 0 : 1;
      for (Expr a : l.args()) {
        boolean t = value(a, env) != 0;
        r = l.op().equals("and") ? r && t : r || t;
      }
      return r ? 1 : 0;
    }
    if (e instanceof Expr.Loop l) {
      double lo = Math.ceil(value(l.lo(), env));
      double hi = Math.floor(value(l.hi(), env));
      if (l.kind() != Expr.Kind.SUM && l.kind() != Expr.Kind.PROD) throw new SymException("an index cannot use " + l.kind().text());
      double acc = l.isProduct() ? 1 : 0;
      Map<String, Expr> inner = new HashMap<>(env);
      for (double i = lo; i <= hi; i++) {
        inner.put(l.index(), Sym.num(i));
        double v = value(l.body(), inner);
        acc = l.isProduct() ? acc * v : acc + v;
      }
      return acc;
    }
    throw new SymException("an index or a sum bound must be a whole number built from sum indices and constants");
  }

  /** The part of a gradient program that lands in slot {@code target}, as one expression (loops kept). */
  static Expr slotExpr(List<Stmt> stmts, Signature sig, VarRef target) {
    return slotExpr2(stmts, null, target);
  }

  /** The part of a scatter program landing in (row, col) (row null for a gradient), loops kept. */
  static Expr slotExpr2(List<Stmt> stmts, VarRef row, VarRef col) {
    List<Expr> terms = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Acc a) {
        Expr c = match(a.col(), col);
        if (row != null) c = Sym.and(match(a.row(), row), c);
        c = Simplifier.simplify(c, null);
        if (c == Sym.ZERO) continue;
        terms.add(c == Sym.ONE ? a.value() : Sym.where(c, a.value(), Sym.ZERO));
      } else if (s instanceof Stmt.For f) {
        Expr body = slotExpr2(f.body(), row, col);
        if (body != Sym.ZERO) terms.add(Sym.sum(f.index(), f.lo(), f.hi(), body));
      }
    }
    return Sym.add(terms);
  }

  /** 1 when the slot is the reference, 0 when it cannot be, else the index condition. */
  private static Expr match(Stmt.Slot slot, VarRef ref) {
    if (!slot.var().equals(ref.name())) return Sym.ZERO;
    List<Expr> conds = new ArrayList<>();
    for (int d = 0; d < slot.indices().size(); d++) {
      Expr i = slot.indices().get(d);
      int want = ref.indices().get(d);
      if (i instanceof Const k) {
        if (k.value() != want) return Sym.ZERO;
      } else conds.add(Sym.cmp("==", i, Sym.num(want)));
    }
    if (conds.isEmpty()) return Sym.ONE;
    return conds.size() == 1 ? conds.get(0) : Sym.and(conds.get(0), conds.get(1));
  }
}
