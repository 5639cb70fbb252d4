package gradus.compile;

import gradus.sym.Expr;
import gradus.sym.Expr.Array;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Loop;
import gradus.sym.Exprs;
import gradus.sym.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pass 1 of the compiler: where and in which order every node is computed.
 *
 * <p>The program runs as a tree of scopes: the top, and the body of each loop group. A node is
 * computed once, in the innermost scope whose index it uses (so a node that uses no index of a
 * loop is hoisted out of it, and one that uses only an outer loop's index is computed once per
 * iteration of that loop), and before anything that reads it. A {@code sum}/{@code prod} node
 * and a {@code For} statement are members of a loop group; members over the same index and
 * range whose inputs are ready before the group runs share one loop, so a function's value and
 * its gradient scatter take one pass over the data, and a body node they share is computed once.
 */
final class Schedule {
  /** A scope: the top (index null) or the body of a loop group. */
  static final class Scope {
    final Scope parent;
    final String index;
    /** The bounds of this scope's loop (null at the top). */
    Expr lo;
    Expr hi;
    final List<Item> items = new ArrayList<>();
    /** Node → position of the item after which its value is known. */
    final Map<Expr, Integer> defined = new IdentityHashMap<>();

    Scope(Scope parent, String index) {
      this.parent = parent;
      this.index = index;
    }

    int depth() {
      return parent == null ? 0 : parent.depth() + 1;
    }

    /** The scopes from the top down to this one. */
    List<Scope> chain() {
      List<Scope> out = new ArrayList<>();
      for (Scope s = this; s != null; s = s.parent) out.add(s);
      Collections.reverse(out);
      return out;
    }
  }

  sealed interface Item permits Compute, Group, Scatter {}

  /** Computes one node (not a loop) from nodes already known. */
  record Compute(Expr node) implements Item {}

  /** Adds {@code value} to the output at (row, col); row is null for a vector output. */
  record Scatter(Stmt.Slot row, Stmt.Slot col, Expr value) implements Item {}

  /**
   * One loop over {@code index in lo..hi}: its loop members accumulate, its local arrays store
   * one entry per index (the last index of a two-index array; the group of its first index is
   * the enclosing one), and its body runs per index.
   */
  static final class Group implements Item {
    final String index;
    final Expr lo;
    final Expr hi;
    final List<Loop> loops = new ArrayList<>();
    final List<Array> fills = new ArrayList<>();
    final Scope body;
    final int position;

    Group(Scope owner, String index, Expr lo, Expr hi, int position) {
      this.index = index;
      this.lo = lo;
      this.hi = hi;
      this.body = new Scope(owner, index);
      this.body.lo = lo;
      this.body.hi = hi;
      this.position = position;
    }
  }

  final Scope top = new Scope(null, null);

  /** Schedules the value (may be null) and the statements of a program. */
  static Schedule of(Expr value, List<Stmt> stmts) {
    Schedule s = new Schedule();
    if (value != null) s.place(value, s.top);
    s.statements(stmts, s.top);
    return s;
  }

  static boolean slotless(Expr e) {
    return e instanceof Const || e instanceof Index;
  }

  /** The innermost scope, from {@code from} outwards, whose index {@code e} uses. */
  private static Scope home(Expr e, Scope from) {
    Set<String> free = Exprs.freeIndices(e);
    if (free.isEmpty()) {
      Scope top = from;
      while (top.parent != null) top = top.parent;
      return top;
    }
    for (Scope s = from; s != null; s = s.parent) {
      if (s.index != null && free.contains(s.index)) return s;
    }
    throw new IllegalArgumentException("the index " + free + " is used outside of a sum over it");
  }

  void place(Expr e, Scope from) {
    gradus.sym.Cancel.check();
    if (slotless(e)) return;
    Scope h = home(e, from);
    if (h.defined.containsKey(e)) return;
    if (e instanceof Loop l) {
      placeLoop(l, h);
      return;
    }
    if (e instanceof Array a) {
      placeArray(a, h);
      return;
    }
    for (Expr c : Operands.of(e)) place(c, h);
    h.defined.put(e, h.items.size());
    h.items.add(new Compute(e));
  }

  private void placeLoop(Loop l, Scope h) {
    place(l.lo(), h);
    place(l.hi(), h);
    int ready = Math.max(position(l.lo(), h), position(l.hi(), h));
    ready = Math.max(ready, hoist(l.body(), h, Set.of(l.index()), seen()));
    Group g = group(h, l.index(), l.lo(), l.hi(), ready);
    g.loops.add(l);
    h.defined.put(l, g.position);
    place(l.body(), g.body);
  }

  /**
   * A local array is filled by a group over its (first) index, placed like a loop: after
   * everything its formula reads from outside, so a group that fills another array it reads is
   * never the same loop. A second index is a group inside that one.
   */
  private void placeArray(Array a, Scope h) {
    Set<String> all = Set.copyOf(a.indices());
    int ready = hoist(a.body(), h, all, seen());
    Group g = group(h, a.indices().get(0), a.lo().get(0), a.hi().get(0), ready);
    h.defined.put(a, g.position);
    Group fill = g;
    if (a.indices().size() == 2) {
      int inner = hoist(a.body(), g.body, Set.of(a.indices().get(1)), seen());
      fill = group(g.body, a.indices().get(1), a.lo().get(1), a.hi().get(1), inner);
      g.body.defined.put(a, fill.position);
    }
    fill.fills.add(a);
    place(a.body(), fill.body);
  }

  private void statements(List<Stmt> stmts, Scope s) {
    for (Stmt st : stmts) {
      if (st instanceof Stmt.Acc a) {
        place(a.value(), s);
        slot(a.row(), s);
        slot(a.col(), s);
        s.items.add(new Scatter(a.row(), a.col(), a.value()));
      } else if (st instanceof Stmt.For f) {
        place(f.lo(), s);
        place(f.hi(), s);
        int ready = Math.max(position(f.lo(), s), position(f.hi(), s));
        ready = Math.max(ready, hoistStatements(f.body(), s, Set.of(f.index())));
        Group g = group(s, f.index(), f.lo(), f.hi(), ready);
        statements(f.body(), g.body);
      }
    }
  }

  private void slot(Stmt.Slot slot, Scope s) {
    if (slot != null) for (Expr i : slot.indices()) place(i, s);
  }

  /** The position in {@code h} after which e is known; -1 when it is known before h starts. */
  private static int position(Expr e, Scope h) {
    Integer p = h.defined.get(e);
    return p == null ? -1 : p;
  }

  /**
   * Places, before a loop starts, every node of its body that uses none of the indices bound in
   * the body ({@code bound}), and returns the latest position in {@code h} among them.
   */
  private int hoist(Expr e, Scope h, Set<String> bound, Set<Expr> seen) {
    if (slotless(e) || !seen.add(e)) return -1;
    if (Collections.disjoint(Exprs.freeIndices(e), bound)) {
      place(e, h);
      return position(e, h);
    }
    if (e instanceof Loop inner) {
      int p = Math.max(hoist(inner.lo(), h, bound, seen), hoist(inner.hi(), h, bound, seen));
      Set<String> more = new HashSet<>(bound);
      more.add(inner.index());
      return Math.max(p, hoist(inner.body(), h, more, seen()));
    }
    if (e instanceof Array inner) {
      Set<String> more = new HashSet<>(bound);
      more.addAll(inner.indices());
      return hoist(inner.body(), h, more, seen());
    }
    int p = -1;
    for (Expr c : Operands.of(e)) p = Math.max(p, hoist(c, h, bound, seen));
    return p;
  }

  private int hoistStatements(List<Stmt> stmts, Scope h, Set<String> bound) {
    int p = -1;
    Set<Expr> seen = seen();
    for (Stmt st : stmts) {
      if (st instanceof Stmt.Acc a) {
        p = Math.max(p, hoist(a.value(), h, bound, seen));
        for (Stmt.Slot sl : java.util.Arrays.asList(a.row(), a.col())) {
          if (sl != null) for (Expr i : sl.indices()) p = Math.max(p, hoist(i, h, bound, seen));
        }
      } else if (st instanceof Stmt.For f) {
        p = Math.max(p, Math.max(hoist(f.lo(), h, bound, seen), hoist(f.hi(), h, bound, seen)));
        Set<String> more = new HashSet<>(bound);
        more.add(f.index());
        p = Math.max(p, hoistStatements(f.body(), h, more));
      }
    }
    return p;
  }

  /** A group over (index, lo, hi) in h that starts after position {@code ready}; a new one if none. */
  private static Group group(Scope h, String index, Expr lo, Expr hi, int ready) {
    for (int k = ready + 1; k < h.items.size(); k++) {
      if (h.items.get(k) instanceof Group g && g.index.equals(index) && g.lo == lo && g.hi == hi) return g;
    }
    Group g = new Group(h, index, lo, hi, h.items.size());
    h.items.add(g);
    return g;
  }

  private static Set<Expr> seen() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
