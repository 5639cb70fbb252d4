package gradus.compile;

import gradus.compile.Schedule.Group;
import gradus.compile.Schedule.Item;
import gradus.compile.Schedule.Scatter;
import gradus.compile.Schedule.Scope;
import gradus.sym.Expr;
import gradus.sym.Expr.Elem;
import gradus.sym.Expr.Loop;
import gradus.sym.Expr.Where;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Which element reads may fall outside their vector: those reached only through a branch of a
 * {@code where}, which may guard them ({@code where(i < n, x[i+1], 0)}). Such a read gives nan out
 * of range (the branch is not taken, so the nan is selected away); any other read out of range is
 * an error naming the index and the vector.
 */
final class Reads {
  private final Set<Expr> unguarded = Collections.newSetFromMap(new IdentityHashMap<>());

  static Reads of(Program p, Schedule s) {
    Reads r = new Reads();
    List<Expr> roots = new ArrayList<>();
    if (p.value() != null) roots.add(p.value());
    r.collect(s.top, roots);
    r.walk(roots);
    return r;
  }

  /** Whether an element read ({@code x[i]} or a local array's {@code h[j]}) is reached outside every where(). */
  boolean unguarded(Expr e) {
    return unguarded.contains(e);
  }

  /** The values scattered and the bounds of groups, in every scope. */
  private void collect(Scope s, List<Expr> roots) {
    for (Item it : s.items) {
      if (it instanceof Scatter sc) {
        roots.add(sc.value());
        if (sc.row() != null) roots.addAll(sc.row().indices());
        if (sc.col() != null) roots.addAll(sc.col().indices());
      } else if (it instanceof Group g) {
        roots.add(g.lo);
        roots.add(g.hi);
        collect(g.body, roots);
      }
    }
  }

  private void walk(List<Expr> roots) {
    List<Expr> todo = new ArrayList<>(roots);
    while (!todo.isEmpty()) {
      Expr e = todo.remove(todo.size() - 1);
      if (!unguarded.add(e)) continue;
      if (e instanceof Where w) todo.add(w.cond());
      else todo.addAll(Operands.of(e));
      if (e instanceof Loop l) todo.add(l.body());
      if (e instanceof gradus.sym.Expr.Array a) todo.add(a.body());
    }
  }
}
