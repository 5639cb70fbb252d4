package gradus.sym;

import gradus.sym.Expr.Add;
import gradus.sym.Expr.Array;
import gradus.sym.Expr.At;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Structural utilities over expression DAGs (all memoized per call, so shared nodes cost once). */
public final class Exprs {
  private Exprs() {}

  /**
   * The direct children, in order: a loop's lo, hi, body; an array's lower bounds, upper bounds,
   * body; an element read's array, then its indices.
   */
  public static List<Expr> children(Expr e) {
    if (e instanceof Const c) return List.of();
      if (e instanceof Var v) return List.of();
      if (e instanceof Index i) return List.of();
      if (e instanceof Elem el) return el.indices();
      if (e instanceof Add a) return a.terms();
      if (e instanceof Mul m) return m.factors();
      if (e instanceof Pow p) return List.of(p.base(), p.exponent());
      if (e instanceof Call c) return List.of(c.arg());
      if (e instanceof MinMax m) return List.of(m.a(), m.b());
      if (e instanceof Where w) return List.of(w.cond(), w.a(), w.b());
      if (e instanceof Cmp c) return List.of(c.a(), c.b());
      if (e instanceof Logic l) return l.args();
      if (e instanceof Loop l) return List.of(l.lo(), l.hi(), l.body());
      if (e instanceof Array a) {
        List<Expr> out = new ArrayList<>(a.lo());
        out.addAll(a.hi());
        out.add(a.body());
        return out;
      }
      if (e instanceof At at) {
        List<Expr> out = new ArrayList<>(at.indices().size() + 1);
        out.add(at.array());
        out.addAll(at.indices());
        return out;
      }
    throw new IllegalStateException();
  }

  /** The same node with new children (same order as {@link #children}). */
  public static Expr withChildren(Expr e, List<Expr> ch) {
    if (e instanceof Const c) return e;
      if (e instanceof Var v) return e;
      if (e instanceof Index i) return e;
      if (e instanceof Elem el) return Sym.elem(el.vector(), ch);
      if (e instanceof Add a) return Sym.add(ch);
      if (e instanceof Mul m) return Sym.mul(ch);
      if (e instanceof Pow p) return Sym.pow(ch.get(0), ch.get(1));
      if (e instanceof Call c) return Sym.call(c.fn(), ch.get(0));
      if (e instanceof MinMax m) return m.isMax() ? Sym.max(ch.get(0), ch.get(1)) : Sym.min(ch.get(0), ch.get(1));
      if (e instanceof Where w) return Sym.where(ch.get(0), ch.get(1), ch.get(2));
      if (e instanceof Cmp c) return Sym.cmp(c.op(), ch.get(0), ch.get(1));
      if (e instanceof Logic l) return Sym.logic(l.op(), ch);
      if (e instanceof Loop l) return Sym.loop(l.kind(), l.index(), ch.get(0), ch.get(1), ch.get(2));
      if (e instanceof Array a) {
        int d = a.indices().size();
        return Sym.array(a.name(), a.indices(), ch.subList(0, d), ch.subList(d, 2 * d), ch.get(2 * d));
      }
      if (e instanceof At at) return Sym.at(ch.get(0), ch.subList(1, ch.size()));
    throw new IllegalStateException();
  }

  /** Free-index sets are cached per node for the node's lifetime (nodes are immutable). */
  private static final Map<Expr, Set<String>> FREE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * The distinct nodes of e, children before parents, leaving out the nodes {@code known} accepts
   * and what lies under them; iterative, so a deep expression cannot overflow the stack.
   */
  public static List<Expr> postOrder(Expr e, java.util.function.Predicate<Expr> known) {
    return postOrder(List.of(e), Exprs::children, known);
  }

  /**
   * The distinct nodes reachable from the roots through {@code next}, each after the nodes
   * {@code next} gives for it, leaving out those {@code skip} accepts; iterative.
   */
  public static List<Expr> postOrder(java.util.Collection<Expr> roots,
      java.util.function.Function<Expr, ? extends Iterable<Expr>> next, java.util.function.Predicate<Expr> skip) {
    List<Expr> order = new ArrayList<>();
    Set<Expr> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Expr> stack = new ArrayList<>();
    List<Boolean> expanded = new ArrayList<>();
    for (Expr r : roots) {
      stack.add(r);
      expanded.add(false);
    }
    while (!stack.isEmpty()) {
      Cancel.check();
      int top = stack.size() - 1;
      Expr x = stack.get(top);
      if (expanded.get(top)) {
        stack.remove(top);
        expanded.remove(top);
        order.add(x);
        continue;
      }
      if (!seen.add(x) || skip.test(x)) {
        stack.remove(top);
        expanded.remove(top);
        continue;
      }
      expanded.set(top, true);
      for (Expr c : next.apply(x)) {
        stack.add(c);
        expanded.add(false);
      }
    }
    return order;
  }

  /** Names of sum indices used in {@code e} but not bound inside it. */
  public static Set<String> freeIndices(Expr e) {
    Set<String> done = FREE.get(e);
    if (done != null) return done;
    List<Expr> order = postOrder(e, FREE::containsKey);
    for (Expr x : order) {
      Set<String> r;
      if (x instanceof Index i) r = Set.of(i.name());
      else if (x instanceof Loop l) {
        Set<String> t = new HashSet<>(FREE.get(l.body()));
        t.remove(l.index());
        t.addAll(FREE.get(l.lo()));
        t.addAll(FREE.get(l.hi()));
        r = Set.copyOf(t);
      } else if (x instanceof Array a) {
        Set<String> t = new HashSet<>(FREE.get(a.body()));
        t.removeAll(a.indices());
        for (Expr b : a.lo()) t.addAll(FREE.get(b));
        for (Expr b : a.hi()) t.addAll(FREE.get(b));
        r = Set.copyOf(t);
      } else {
        List<Expr> ch = children(x);
        if (ch.isEmpty()) r = Set.of();
        else if (ch.size() == 1) r = FREE.get(ch.get(0));
        else {
          Set<String> t = new HashSet<>();
          for (Expr c : ch) t.addAll(FREE.get(c));
          r = t.isEmpty() ? Set.of() : Set.copyOf(t);
        }
      }
      FREE.put(x, r);
    }
    return FREE.get(e);
  }

  public static boolean hasFreeIndex(Expr e, String name) {
    return freeIndices(e).contains(name);
  }

  /** Names of variables and fields ({@link Var} names and {@link Elem} vectors) in {@code e}. */
  public static Set<String> names(Expr e) {
    Set<String> out = new HashSet<>();
    visit(e, x -> {
      if (x instanceof Var v) out.add(v.name());
      if (x instanceof Elem el) out.add(el.vector());
    });
    return out;
  }

  /** Calls {@code f} once on every distinct node of the DAG. */
  public static void visit(Expr e, java.util.function.Consumer<Expr> f) {
    Set<Expr> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Expr> stack = new ArrayList<>();
    stack.add(e);
    while (!stack.isEmpty()) {
      Expr x = stack.remove(stack.size() - 1);
      if (!seen.add(x)) continue;
      f.accept(x);
      stack.addAll(children(x));
    }
  }

  /** Number of distinct nodes. */
  public static int size(Expr e) {
    int[] n = {0};
    visit(e, x -> n[0]++);
    return n[0];
  }

  /**
   * Replaces free sum indices by expressions, renaming a loop's index when it would capture a name
   * free in a replacement.
   */
  public static Expr substituteIndices(Expr e, Map<String, Expr> env) {
    if (env.isEmpty()) return e;
    Set<String> captured = new HashSet<>();
    for (Expr v : env.values()) captured.addAll(freeIndices(v));
    return new Rewriter(env, captured).go(e);
  }

  private static final class Rewriter {
    private final Map<String, Expr> env;
    private final Set<String> danger;
    private final Map<Expr, Expr> memo = new HashMap<>();

    Rewriter(Map<String, Expr> env, Set<String> danger) {
      this.env = env;
      this.danger = danger;
    }

    Expr go(Expr e) {
      Expr done = memo.get(e);
      if (done != null) return done;
      Expr r;
      if (e instanceof Index i) r = env.getOrDefault(i.name(), e);
      else if (e instanceof Const || e instanceof Var) r = e;
      else if (e instanceof Loop l) r = loop(l);
      else if (e instanceof Array a) r = array(a);
      else {
        List<Expr> ch = children(e);
        List<Expr> out = new ArrayList<>(ch.size());
        boolean same = true;
        for (Expr c : ch) {
          Expr n = go(c);
          same &= n == c;
          out.add(n);
        }
        r = same ? e : withChildren(e, out);
      }
      memo.put(e, r);
      return r;
    }

    private Expr loop(Loop l) {
      Expr lo = go(l.lo());
      Expr hi = go(l.hi());
      Map<String, Expr> inner = new HashMap<>(env);
      inner.remove(l.index());
      if (java.util.Collections.disjoint(inner.keySet(), freeIndices(l.body()))) {
        return Sym.loop(l.kind(), l.index(), lo, hi, l.body());
      }
      String idx = l.index();
      if (danger.contains(idx) && hasFreeIndex(l.body(), idx)) {
        Set<String> avoid = new HashSet<>(danger);
        avoid.addAll(freeIndices(l.body()));
        idx = fresh(idx, avoid);
        inner.put(l.index(), Sym.index(idx));
      }
      Expr body = inner.isEmpty() ? l.body() : substituteIndices(l.body(), inner);
      return Sym.loop(l.kind(), idx, lo, hi, body);
    }

    private Expr array(Array a) {
      Map<String, Expr> inner = new HashMap<>(env);
      inner.keySet().removeAll(a.indices());
      if (java.util.Collections.disjoint(inner.keySet(), freeIndices(a.body()))) {
        // nothing to replace inside: the same array (renaming its indices would only copy it)
        List<Expr> lo = new ArrayList<>();
        List<Expr> hi = new ArrayList<>();
        for (Expr b : a.lo()) lo.add(go(b));
        for (Expr b : a.hi()) hi.add(go(b));
        return Sym.array(a.name(), a.indices(), lo, hi, a.body());
      }
      inner = new HashMap<>(env);
      List<String> names = new ArrayList<>(a.indices());
      Set<String> avoid = new HashSet<>(danger);
      avoid.addAll(freeIndices(a.body()));
      avoid.addAll(names);
      for (int d = 0; d < names.size(); d++) {
        String idx = names.get(d);
        inner.remove(idx);
        if (danger.contains(idx) && hasFreeIndex(a.body(), idx)) {
          String fresh = fresh(idx, avoid);
          avoid.add(fresh);
          names.set(d, fresh);
          inner.put(idx, Sym.index(fresh));
        }
      }
      List<Expr> lo = new ArrayList<>();
      List<Expr> hi = new ArrayList<>();
      for (Expr b : a.lo()) lo.add(go(b));
      for (Expr b : a.hi()) hi.add(go(b));
      Expr body = inner.isEmpty() ? a.body() : substituteIndices(a.body(), inner);
      return Sym.array(a.name(), names, lo, hi, body);
    }
  }

  /** {@code base} or {@code base2}, {@code base3}, ... not in {@code avoid}. */
  public static String fresh(String base, Set<String> avoid) {
    if (!avoid.contains(base)) return base;
    for (int k = 2; ; k++) if (!avoid.contains(base + k)) return base + k;
  }

  /** Bottom-up rewrite of variable references (memoized); loops are rebuilt as they are. */
  public static Expr mapLeaves(Expr e, Function<Expr, Expr> leaf) {
    Map<Expr, Expr> memo = new HashMap<>();
    return mapLeaves(e, leaf, memo);
  }

  private static Expr mapLeaves(Expr e, Function<Expr, Expr> leaf, Map<Expr, Expr> memo) {
    Expr done = memo.get(e);
    if (done != null) return done;
    Expr r;
    if (e instanceof Var || e instanceof Elem) {
      Expr x = e;
      if (e instanceof Elem el) {
        List<Expr> ix = new ArrayList<>(el.indices().size());
        for (Expr i : el.indices()) ix.add(mapLeaves(i, leaf, memo));
        x = Sym.elem(el.vector(), ix);
      }
      r = leaf.apply(x);
    } else if (e instanceof Const || e instanceof Index) r = e;
    else {
      List<Expr> ch = children(e);
      List<Expr> out = new ArrayList<>(ch.size());
      for (Expr c : ch) out.add(mapLeaves(c, leaf, memo));
      r = withChildren(e, out);
    }
    memo.put(e, r);
    return r;
  }
}
