package gradus.compile;

import gradus.compile.Schedule.Compute;
import gradus.compile.Schedule.Group;
import gradus.compile.Schedule.Item;
import gradus.compile.Schedule.Scatter;
import gradus.compile.Schedule.Scope;
import gradus.sym.Expr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pass 2 of the compiler: where each scope keeps its values, and how code is cut into methods.
 *
 * <p>A small loop body keeps its values in JVM locals, and the loops nested in it are emitted in
 * the same method, so the hot loop of a sum over data is straight-line code on registers. The
 * top scope, and any large body, keeps its values in the scratch array {@code s} (each node one
 * slot) and is cut into chunk methods of bounded size; each of its loop groups becomes a method
 * of its own. So no method nears the JVM's 64 KB limit or HotSpot's 8 KB inlining/JIT limits,
 * however large the expression.
 */
final class Layout {
  /** A loop body of at most this weight keeps its values in locals (with its nested loops). */
  static final int LOCAL_LIMIT = 400;
  /** A chunk method of an array scope holds items of about this much weight. */
  static final int CHUNK_LIMIT = 200;

  final Map<Scope, Boolean> inArray = new IdentityHashMap<>();
  final Map<Scope, Integer> base = new IdentityHashMap<>();
  final Map<Scope, Map<Expr, Integer>> slots = new IdentityHashMap<>();
  final Map<Scope, List<List<Item>>> chunks = new IdentityHashMap<>();
  final Map<Scope, Integer> ids = new IdentityHashMap<>();
  final Map<Group, Integer> groupIds = new IdentityHashMap<>();
  /** The first scratch slot of each local array's entries (row-major). */
  final Map<Expr, Integer> regions = new IdentityHashMap<>();
  int scratch;

  private final Map<Scope, Integer> weights = new IdentityHashMap<>();

  static Layout of(Schedule s) {
    Layout l = new Layout();
    l.assign(s.top, true);
    l.regions(s.top);
    return l;
  }

  /** Every local array gets its own stretch of the scratch array, whichever scope fills it. */
  private void regions(Scope scope) {
    for (Item it : scope.items) {
      if (!(it instanceof Group g)) continue;
      for (Expr.Array a : g.fills) {
        if (regions.containsKey(a)) continue;
        regions.put(a, scratch);
        scratch += a.size();
      }
      regions(g.body);
    }
  }

  /** The first scratch slot of a local array. */
  int region(Expr array) {
    Integer r = regions.get(array);
    if (r == null) throw new IllegalStateException("a local array is read before it is filled");
    return r;
  }

  private void assign(Scope scope, boolean array) {
    inArray.put(scope, array);
    ids.put(scope, ids.size());
    if (array) {
      base.put(scope, scratch);
      Map<Expr, Integer> m = new IdentityHashMap<>();
      for (Expr e : scope.defined.keySet()) m.put(e, scratch + m.size());
      slots.put(scope, m);
      scratch += m.size();
      chunks.put(scope, cut(scope.items));
    }
    for (Item it : scope.items) {
      if (!(it instanceof Group g)) continue;
      if (array) groupIds.put(g, groupIds.size());
      assign(g.body, array && subtree(g.body) > LOCAL_LIMIT);
    }
  }

  boolean inArray(Scope s) {
    return inArray.get(s);
  }

  /** The scratch slot of a node kept by an array scope. */
  int slot(Scope s, Expr e) {
    return slots.get(s).get(e);
  }

  /** The work of a scope with its nested loops, in rough bytecode units (memoized). */
  private int subtree(Scope s) {
    Integer done = weights.get(s);
    if (done != null) return done;
    int w = 0;
    for (Item it : s.items) w += weight(it) + (it instanceof Group g ? subtree(g.body) : 0);
    weights.put(s, w);
    return w;
  }

  /** The work of one item, a loop counted without its body. */
  private static int weight(Item it) {
    if (it instanceof Compute c) return 4 + Operands.of(c.node()).size();
    if (it instanceof Scatter) return 14;
    Group g = (Group) it;
    return 30 + 4 * g.loops.size() + 12 * g.fills.size();
  }

  private static List<List<Item>> cut(List<Item> items) {
    List<List<Item>> out = new ArrayList<>();
    List<Item> cur = new ArrayList<>();
    int w = 0;
    for (Item it : items) {
      int wi = weight(it) + (it instanceof Group ? 8 : 0);
      if (w + wi > CHUNK_LIMIT && !cur.isEmpty()) {
        out.add(cur);
        cur = new ArrayList<>();
        w = 0;
      }
      cur.add(it);
      w += wi;
    }
    if (!cur.isEmpty()) out.add(cur);
    return out;
  }
}
