package gradus.sym;

import gradus.sym.Expr.Array;
import gradus.sym.Expr.At;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.Var;
import gradus.sym.Expr.Where;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode over the expression DAG, the one generic pass behind gradients and Hessians: each
 * node's adjoint is the sum of its parents' adjoints times the local partials of {@link
 * Partials}, so a shared sub-expression is visited once, and the result is a scatter program
 * ({@link Stmt}) whose values are expressions built of the function's own (hash-consed) nodes.
 *
 * <p><b>Sums stay loops.</b> The body of a {@code sum} is a scope of its own, processed once for
 * a symbolic index: a reference {@code x[g(i)]} in it becomes {@code For i: grad[g(i)] += ...},
 * and a contribution to a node outside the loop (hoisted, index-free) becomes a {@code sum} node
 * in that node's adjoint, computed once, not once per use. A product's factor k receives the
 * product of the others.
 *
 * <p><b>where.</b> The branch not taken receives no adjoint at all, not even {@code 0*nan}: each
 * adjoint is kept as groups of terms per guard (a conjunction of branch conditions), and a
 * guarded group reaches the gradient as {@code where(guard, ..., 0)}, so a nan partial in the
 * branch not taken is never multiplied in. Once a node also has an unguarded use its groups fold
 * together (its partials are evaluated then anyway).
 *
 * <p><b>Rows.</b> With a row slot the pass produces the Hessian row of one gradient entry: its
 * nodes belong to the scope of the entry's enclosing loops ({@code base}), whose indices the row
 * depends on, so nothing is summed over those.
 */
final class Reverse {
  /** Products over at most this many factors differentiate by the product of the others (exact, quadratic). */
  static final int SMALL_PRODUCT = 32;

  private final Signature sig;
  private final Map<Expr, Boolean> dep = new IdentityHashMap<>();

  Reverse(Signature sig) {
    this.sig = sig;
  }

  /** Statements adding ∂root/∂v (times nothing else) to every variable slot v, per row. */
  List<Stmt> run(Expr root, Stmt.Slot row, List<String> base) {
    List<Stmt> out = new ArrayList<>();
    if (!depends(root)) return out;
    Scope top = new Scope(null, List.copyOf(base), row, null, null);
    Map<Expr, Adjoint> seeds = new IdentityHashMap<>();
    seeds.put(root, Adjoint.of(Guard.NONE, Sym.ONE));
    Map<Expr, Adjoint> outside = process(top, seeds, out);
    if (!outside.isEmpty()) throw new IllegalStateException("adjoint escaped the top scope");
    return out;
  }

  /** True when e contains a decision variable (so its derivative may be non-zero). */
  boolean depends(Expr e) {
    Boolean d = dep.get(e);
    if (d != null) return d;
    boolean r;
    if (e instanceof Var v) r = sig.isVariable(v.name());
    else if (e instanceof Elem el) r = sig.isVariable(el.vector());
    else if (e instanceof Loop l) r = depends(l.body());
    else if (e instanceof Array a) r = depends(a.body());
    else if (e instanceof At at) r = depends(at.array());
    else if (e instanceof Where w) r = depends(w.a()) || depends(w.b());
    else {
      r = false;
      for (Expr c : Partials.operands(e)) if (depends(c)) {
        r = true;
        break;
      }
    }
    dep.put(e, r);
    return r;
  }

  /**
   * A loop body (or the top): its own index, every index bound around it, and the row. In the
   * body of a local array, {@code body} is the array's formula and {@code self} its element read
   * ({@code h[j]}), which a derivative rule reads instead of recomputing the formula.
   */
  private record Scope(String own, List<String> stack, Stmt.Slot row, Expr body, Expr self) {
    boolean holds(Expr e) {
      Set<String> free = Exprs.freeIndices(e);
      if (own != null) return free.contains(own);
      return stack.containsAll(free);
    }

    Scope inner(String index) {
      List<String> s = new ArrayList<>(stack);
      s.add(index);
      return new Scope(index, List.copyOf(s), row, null, null);
    }

    Scope withSelf(Expr body, Expr self) {
      return new Scope(own, stack, row, body, self);
    }
  }

  /**
   * Propagates the seeds through the scope's nodes (parents before children), emitting scatter
   * statements into {@code out}; returns the adjoint contributions to nodes of enclosing scopes.
   */
  private Map<Expr, Adjoint> process(Scope scope, Map<Expr, Adjoint> seeds, List<Stmt> out) {
    Map<Expr, Adjoint> adj = new IdentityHashMap<>(seeds);
    Map<Expr, Adjoint> outside = new LinkedHashMap<>();
    for (Expr n : order(scope, seeds.keySet())) {
      Adjoint a = adj.get(n);
      if (a == null) continue;
      if (n instanceof Var || n instanceof Elem) {
        out.add(new Stmt.Acc(scope.row(), slot(n), a.value()));
      } else if (n instanceof Loop l) {
        loop(scope, l, a, out, adj, outside);
      } else if (n instanceof Array arr) {
        array(scope, arr, a, out, adj, outside);
      } else if (n instanceof At at) {
        // element d of the read lands on the entry of the array whose index #d equals it
        Adjoint c = a;
        for (int d = 0; d < at.indices().size(); d++) c = c.guarded(Sym.cmp("==", Sym.index(slotIndex(d)), at.indices().get(d)));
        push(scope, at.array(), c, adj, outside);
      } else if (n instanceof Where w) {
        Expr c = w.cond();
        if (depends(w.a())) push(scope, w.a(), a.guarded(c), adj, outside);
        if (depends(w.b())) push(scope, w.b(), a.guarded(Sym.not(c)), adj, outside);
      } else {
        List<Expr> ops = Partials.operands(n);
        Expr self = n == scope.body() ? scope.self() : n;
        for (int k = 0; k < ops.size(); k++) {
          if (depends(ops.get(k))) push(scope, ops.get(k), a.times(Partials.of(n, k, self)), adj, outside);
        }
      }
    }
    return outside;
  }

  private void push(Scope scope, Expr target, Adjoint a, Map<Expr, Adjoint> adj, Map<Expr, Adjoint> outside) {
    if (a.isZero()) return;
    Map<Expr, Adjoint> to = scope.holds(target) ? adj : outside;
    Adjoint cur = to.get(target);
    if (cur == null) to.put(target, a.copy());
    else cur.add(a);
  }

  /** The scope's differentiable nodes reachable from the seeds, parents before children. */
  private List<Expr> order(Scope scope, Set<Expr> seeds) {
    List<Expr> post = Exprs.postOrder(seeds, e -> {
      List<Expr> next = new ArrayList<>();
      for (Expr c : e instanceof Loop || e instanceof Array ? hoisted(e) : differentiable(e)) {
        if (depends(c) && scope.holds(c)) next.add(c);
      }
      return next;
    }, e -> false);
    java.util.Collections.reverse(post);
    return post;
  }

  private final Map<Expr, List<Expr>> hoisted = new IdentityHashMap<>();

  /**
   * The nodes outside a loop (or a local array's formula) that its body uses: the largest
   * sub-expressions of the body that do not depend on any index bound inside. They come after
   * the loop in the order, since the loop's body contributes to their adjoints.
   */
  private List<Expr> hoisted(Expr loopOrArray) {
    List<Expr> done = hoisted.get(loopOrArray);
    if (done != null) return done;
    List<Expr> out = new ArrayList<>();
    Set<String> bound = loopOrArray instanceof Loop l ? Set.of(l.index()) : Set.copyOf(((Array) loopOrArray).indices());
    Expr body = loopOrArray instanceof Loop l ? l.body() : ((Array) loopOrArray).body();
    collectHoisted(body, bound, out, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    hoisted.put(loopOrArray, out);
    return out;
  }

  private void collectHoisted(Expr e, Set<String> bound, List<Expr> out, Set<Expr> seen) {
    if (!seen.add(e) || !depends(e)) return;
    if (java.util.Collections.disjoint(Exprs.freeIndices(e), bound)) {
      out.add(e);
      return;
    }
    if (e instanceof Loop || e instanceof Array) {
      Set<String> more = new HashSet<>(bound);
      if (e instanceof Loop inner) more.add(inner.index());
      else more.addAll(((Array) e).indices());
      Expr body = e instanceof Loop inner ? inner.body() : ((Array) e).body();
      collectHoisted(body, more, out, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
      return;
    }
    for (Expr c : differentiable(e)) collectHoisted(c, bound, out, seen);
  }

  private static List<Expr> differentiable(Expr e) {
    if (e instanceof Where w) return List.of(w.a(), w.b());
    if (e instanceof At at) return List.of(at.array());
    return Partials.operands(e);
  }

  private static Stmt.Slot slot(Expr leaf) {
    if (leaf instanceof Var v) return new Stmt.Slot(v.name(), List.of());
    Elem el = (Elem) leaf;
    return new Stmt.Slot(el.vector(), el.indices());
  }

  /**
   * The index that names an entry of a local array's adjoint while its contributions are
   * gathered ({@code #1}, {@code #2}: no user's index can be called that).
   */
  static String slotIndex(int d) {
    return "#" + (d + 1);
  }

  /** A loop body is a scope of its own (see {@link #region}); its seed is the loop's local derivative. */
  private void loop(Scope scope, Loop l, Adjoint a, List<Stmt> out, Map<Expr, Adjoint> adj,
      Map<Expr, Adjoint> outside) {
    String idx = l.index();
    Expr body = l.body();
    if (scope.stack().contains(idx)) {
      Set<String> avoid = new HashSet<>(scope.stack());
      avoid.addAll(Exprs.freeIndices(body));
      idx = Exprs.fresh(idx, avoid);
      body = Exprs.substituteIndices(body, Map.of(l.index(), Sym.index(idx)));
    }
    Adjoint seed = switch (l.kind()) {
      case SUM -> a;
      case PROD -> a.times(ProductRule.others(l, idx, body));
      case MAX -> a.times(maxShare(l, idx, body));
      case LOGSUMEXP -> a.times(Sym.call(Expr.Fn.EXP, Sym.sub(body, l)));
    };
    region(scope, List.of(idx), List.of(l.lo()), List.of(l.hi()), body, null, seed, out, adj, outside);
  }

  /**
   * ∂max/∂body at one index: 1 where the body attains the maximum, shared evenly among ties (as
   * {@code torch.amax} does), else 0.
   */
  static Expr maxShare(Loop l, String idx, Expr body) {
    Expr hit = Sym.where(Sym.cmp("==", body, l), Sym.ONE, Sym.ZERO);
    Expr ties = Sym.sum(idx, l.lo(), l.hi(), hit);
    return Sym.mul(hit, Sym.pow(ties, -1));
  }

  /**
   * A local array: its adjoint, gathered from every read of it, is itself an array (entry by
   * entry, the sum of what each read contributes there), computed once; then the array's formula
   * is differentiated like a loop body whose seed is that adjoint's entry.
   */
  private void array(Scope scope, Array arr, Adjoint a, List<Stmt> out, Map<Expr, Adjoint> adj,
      Map<Expr, Adjoint> outside) {
    int dims = arr.indices().size();
    Set<String> avoid = new HashSet<>(scope.stack());
    avoid.addAll(Exprs.freeIndices(arr.body()));
    Adjoint within = a.inRange(arr);
    Expr value = within.value();
    avoid.addAll(Exprs.freeIndices(value));
    List<String> names = new ArrayList<>();
    Map<String, Expr> rename = new java.util.HashMap<>();
    Map<String, Expr> slots = new java.util.HashMap<>();
    for (int d = 0; d < dims; d++) {
      String own = arr.indices().get(d);
      String n = scope.stack().contains(own) ? Exprs.fresh(own, avoid) : own;
      avoid.add(n);
      names.add(n);
      if (!n.equals(own)) rename.put(own, Sym.index(n));
      slots.put(slotIndex(d), Sym.index(n));
    }
    Expr body = Exprs.substituteIndices(arr.body(), rename);
    Expr bar = Sym.array("d" + arr.name(), names, arr.lo(), arr.hi(), Exprs.substituteIndices(value, slots));
    List<Expr> here = new ArrayList<>();
    for (String n : names) here.add(Sym.index(n));
    Expr self = Sym.at(arr, here);
    region(scope, names, arr.lo(), arr.hi(), body, self, Adjoint.of(Guard.NONE, Sym.at(bar, here)), out, adj, outside);
  }

  /**
   * The body of a loop, or of a local array over one or two indices: a scope per index, nested.
   * Its scatter statements go into {@code For}s over the same ranges; its contributions to
   * outside nodes come back summed over each range in turn.
   */
  private void region(Scope scope, List<String> idx, List<Expr> lo, List<Expr> hi, Expr body, Expr self,
      Adjoint seed, List<Stmt> out, Map<Expr, Adjoint> adj, Map<Expr, Adjoint> outside) {
    Map<Expr, Adjoint> back = new LinkedHashMap<>();
    List<Stmt> innerOut = nest(scope, idx, lo, hi, 0, body, self, seed, back);
    if (!innerOut.isEmpty()) out.add(new Stmt.For(idx.get(0), lo.get(0), hi.get(0), innerOut));
    for (Map.Entry<Expr, Adjoint> en : back.entrySet()) push(scope, en.getKey(), en.getValue(), adj, outside);
  }

  /**
   * Level d of a region: processes the nodes of the scope of index d (the body itself at the
   * innermost level); returns its statements and adds into {@code back} the contributions to
   * nodes outside it, summed over index d.
   */
  private List<Stmt> nest(Scope outer, List<String> idx, List<Expr> lo, List<Expr> hi, int d, Expr body, Expr self,
      Adjoint seed, Map<Expr, Adjoint> back) {
    Scope inner = outer.inner(idx.get(d));
    List<Stmt> innerOut = new ArrayList<>();
    Map<Expr, Adjoint> seeds = new IdentityHashMap<>();
    if (d == idx.size() - 1) {
      seeds.put(body, seed.copy());
    } else {
      Map<Expr, Adjoint> deeper = new LinkedHashMap<>();
      List<Stmt> nested = nest(inner, idx, lo, hi, d + 1, body, self, seed, deeper);
      if (!nested.isEmpty()) innerOut.add(new Stmt.For(idx.get(d + 1), lo.get(d + 1), hi.get(d + 1), nested));
      for (Map.Entry<Expr, Adjoint> en : deeper.entrySet()) {
        if (inner.holds(en.getKey())) merge(seeds, en.getKey(), en.getValue());
        else merge(back, en.getKey(), en.getValue().summed(idx.get(d), lo.get(d), hi.get(d)));
      }
    }
    Map<Expr, Adjoint> left = process(self == null ? inner : inner.withSelf(body, self), seeds, innerOut);
    for (Map.Entry<Expr, Adjoint> en : left.entrySet()) {
      merge(back, en.getKey(), en.getValue().summed(idx.get(d), lo.get(d), hi.get(d)));
    }
    return innerOut;
  }

  private static void merge(Map<Expr, Adjoint> into, Expr node, Adjoint a) {
    if (a.isZero()) return;
    Adjoint cur = into.get(node);
    if (cur == null) into.put(node, a.copy());
    else cur.add(a);
  }

  /** A conjunction of branch conditions; NONE is the empty one (always true). */
  record Guard(List<Expr> conds) {
    static final Guard NONE = new Guard(List.of());

    Guard and(Expr c) {
      if (conds.contains(c)) return this;
      List<Expr> more = new ArrayList<>(conds);
      more.add(c);
      return new Guard(List.copyOf(more));
    }

    Expr expr() {
      return conds.size() == 1 ? conds.get(0) : Sym.logic("and", conds);
    }

    /** The value {@code v} where the guard holds, else 0. */
    Expr apply(Expr v) {
      return conds.isEmpty() ? v : Sym.where(expr(), v, Sym.ZERO);
    }
  }

  /** An adjoint: terms grouped by the guard under which they flow. */
  static final class Adjoint {
    private final Map<Guard, List<Expr>> groups;

    private Adjoint(Map<Guard, List<Expr>> groups) {
      this.groups = groups;
    }

    static Adjoint of(Guard g, Expr term) {
      Map<Guard, List<Expr>> m = new LinkedHashMap<>();
      if (term != Sym.ZERO) m.put(g, new ArrayList<>(List.of(term)));
      return new Adjoint(m);
    }

    boolean isZero() {
      return groups.isEmpty();
    }

    Adjoint copy() {
      Map<Guard, List<Expr>> m = new LinkedHashMap<>();
      for (Map.Entry<Guard, List<Expr>> en : groups.entrySet()) m.put(en.getKey(), new ArrayList<>(en.getValue()));
      return new Adjoint(m);
    }

    /** Adds b's terms to this one (in place); an unguarded part absorbs the guarded ones. */
    void add(Adjoint b) {
      for (Map.Entry<Guard, List<Expr>> en : b.groups.entrySet()) {
        groups.computeIfAbsent(en.getKey(), k -> new ArrayList<>()).addAll(en.getValue());
      }
      if (groups.containsKey(Guard.NONE) && groups.size() > 1) {
        List<Expr> all = new ArrayList<>();
        for (Map.Entry<Guard, List<Expr>> en : groups.entrySet()) all.add(en.getKey().apply(Sym.add(en.getValue())));
        groups.clear();
        groups.put(Guard.NONE, all);
      }
    }

    /** Each group's sum times {@code p}. */
    Adjoint times(Expr p) {
      Map<Guard, List<Expr>> m = new LinkedHashMap<>();
      for (Map.Entry<Guard, List<Expr>> en : groups.entrySet()) {
        Expr t = Products.times(Sym.add(en.getValue()), p);
        if (t != Sym.ZERO) m.put(en.getKey(), new ArrayList<>(List.of(t)));
      }
      return new Adjoint(m);
    }

    /** The same terms under one more branch condition. */
    Adjoint guarded(Expr cond) {
      Map<Guard, List<Expr>> m = new LinkedHashMap<>();
      for (Map.Entry<Guard, List<Expr>> en : groups.entrySet()) {
        m.merge(en.getKey().and(cond), en.getValue(), (x, y) -> {
          List<Expr> both = new ArrayList<>(x);
          both.addAll(y);
          return both;
        });
      }
      return new Adjoint(m);
    }

    /**
     * The contribution of a loop body to an outside node: each group summed over the range; the
     * conditions that do not use the index stay a guard outside the sum, the others go inside. A
     * group guarded by {@code index == e} (e free of the index: an element read {@code h[j]}
     * landing on entry #1 of h's adjoint) is not summed: its one term is the body at {@code index
     * = e}, where e lies in the range.
     */
    Adjoint summed(String index, Expr lo, Expr hi) {
      Adjoint out = new Adjoint(new LinkedHashMap<>());
      for (Map.Entry<Guard, List<Expr>> en : groups.entrySet()) {
        Expr at = delta(en.getKey(), index);
        if (at != null) {
          Map<String, Expr> env = Map.of(index, at);
          Guard g = Guard.NONE;
          boolean never = false;
          List<Expr> conds = new ArrayList<>();
          for (Expr c : en.getKey().conds()) if (c != deltaCond(en.getKey(), index)) conds.add(Exprs.substituteIndices(c, env));
          conds.add(Sym.cmp("<=", lo, at));
          conds.add(Sym.cmp("<=", at, hi));
          for (Expr c : conds) {
            Expr v = Simplifier.simplify(c, null);
            if (v instanceof Const k) {
              if (k.value() == 0) never = true;
              continue;
            }
            g = g.and(v);
          }
          if (never) continue;
          out.add(of(g, Exprs.substituteIndices(Sym.add(en.getValue()), env)));
          continue;
        }
        Guard outer = Guard.NONE;
        Guard inner = Guard.NONE;
        for (Expr c : en.getKey().conds()) {
          if (Exprs.hasFreeIndex(c, index)) inner = inner.and(c);
          else outer = outer.and(c);
        }
        Expr term = Sym.sum(index, lo, hi, inner.apply(Sym.add(en.getValue())));
        out.add(of(outer, term));
      }
      return out;
    }

    /** e when the guard holds a condition {@code index == e} (or {@code e == index}) with e free of the index. */
    private static Expr delta(Guard g, String index) {
      Expr c = deltaCond(g, index);
      if (c == null) return null;
      Expr.Cmp cmp = (Expr.Cmp) c;
      return cmp.b() instanceof Expr.Index i && i.name().equals(index) ? cmp.a() : cmp.b();
    }

    /**
     * The condition {@code index == e} of the guard that {@link #delta} uses, or null. e is made
     * of indices and constants only: a data field there (c == label) would put the field into
     * an index the statements scatter to, and every run must scatter into the same slots.
     */
    private static Expr deltaCond(Guard g, String index) {
      for (Expr c : g.conds()) {
        if (!(c instanceof Expr.Cmp cmp) || !cmp.op().equals("==")) continue;
        if (cmp.b() instanceof Expr.Index i && i.name().equals(index) && eliminable(cmp.a(), index)) return c;
        if (cmp.a() instanceof Expr.Index i && i.name().equals(index) && eliminable(cmp.b(), index)) return c;
      }
      return null;
    }

    private static boolean eliminable(Expr e, String index) {
      return !Exprs.hasFreeIndex(e, index) && Exprs.names(e).isEmpty();
    }

    /**
     * The adjoint of a local array, on its own range: conditions {@code lo <= #d}, {@code #d <=
     * hi} that the array's bounds imply are dropped, and a group they exclude vanishes.
     */
    Adjoint inRange(Array arr) {
      Adjoint out = new Adjoint(new LinkedHashMap<>());
      for (Map.Entry<Guard, List<Expr>> en : groups.entrySet()) {
        Guard g = Guard.NONE;
        boolean never = false;
        for (Expr c : en.getKey().conds()) {
          Boolean known = implied(c, arr);
          if (known == null) g = g.and(c);
          else never |= !known;
        }
        if (!never) out.add(of(g, Sym.add(en.getValue())));
      }
      return out;
    }

    /** True or false when c compares a slot index #d with a constant and the array's range decides it. */
    private static Boolean implied(Expr c, Array arr) {
      if (!(c instanceof Expr.Cmp cmp) || !cmp.op().equals("<=")) return null;
      for (int d = 0; d < arr.indices().size(); d++) {
        String slot = slotIndex(d);
        double lo = ((Const) arr.lo().get(d)).value();
        double hi = ((Const) arr.hi().get(d)).value();
        if (cmp.a() instanceof Const k && cmp.b() instanceof Expr.Index i && i.name().equals(slot)) {
          if (k.value() <= lo) return true;
          if (k.value() > hi) return false;
        }
        if (cmp.b() instanceof Const k && cmp.a() instanceof Expr.Index i && i.name().equals(slot)) {
          if (k.value() >= hi) return true;
          if (k.value() < lo) return false;
        }
      }
      return null;
    }

    /** The whole adjoint as one expression. */
    Expr value() {
      List<Expr> parts = new ArrayList<>();
      for (Map.Entry<Guard, List<Expr>> en : groups.entrySet()) parts.add(en.getKey().apply(Sym.add(en.getValue())));
      return Sym.add(parts);
    }
  }

  /** Keeps a product folded as it is built: constants combine, 1 and 0 vanish, no flattening. */
  static final class Products {
    private Products() {}

    static Expr times(Expr a, Expr b) {
      if (a == Sym.ZERO || b == Sym.ZERO) return Sym.ZERO;
      if (a == Sym.ONE) return b;
      if (b == Sym.ONE) return a;
      double k = 1;
      List<Expr> fs = new ArrayList<>(2);
      for (Expr x : List.of(a, b)) {
        if (x instanceof Const c) k *= c.value();
        else if (x instanceof Expr.Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Const c) {
          k *= c.value();
          fs.add(m.factors().get(1));
        } else fs.add(x);
      }
      if (k == 0) return Sym.ZERO;
      if (fs.isEmpty()) return Sym.num(k);
      if (k != 1) fs.add(0, Sym.num(k));
      return Sym.mul(fs);
    }
  }
}
