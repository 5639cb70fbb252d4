package gradus.compile;

import gradus.sym.Expr;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Var;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes of an update read a coordinate (and so are computed once per coordinate, in the
 * loop) and which are the same for every coordinate (computed once per update, before the loop:
 * {@code lr/(1 - beta1^t)} is one division per update, as in a hand-written loop). A state is
 * held per coordinate unless both its start and its update read no coordinate; this is a fixed
 * point, since a state's update may read other states.
 */
final class UpdateKinds {
  private final UpdateProgram p;
  final boolean[] perCoordinate;
  private final Set<String> coordinateLeaves = new HashSet<>();
  private final Map<Expr, Boolean> memo = new IdentityHashMap<>();

  UpdateKinds(UpdateProgram p) {
    this.p = p;
    int k = p.states().size();
    perCoordinate = new boolean[k];
    boolean changed = true;
    while (changed) {
      changed = false;
      reset();
      for (int s = 0; s < k; s++) {
        if (!perCoordinate[s] && (coordinate(p.start().get(s)) || coordinate(p.next().get(s)))) {
          perCoordinate[s] = true;
          changed = true;
          break; // the leaves changed: start again with the new assumption
        }
      }
    }
  }

  private void reset() {
    memo.clear();
    coordinateLeaves.clear();
    coordinateLeaves.add("x");
    coordinateLeaves.add("g");
    for (int s = 0; s < perCoordinate.length; s++) if (perCoordinate[s]) coordinateLeaves.add(p.states().get(s));
  }

  /** Whether e reads a coordinate (x, g or a per-coordinate state). */
  boolean coordinate(Expr e) {
    if (e instanceof Const) return false;
    if (e instanceof Var v) return coordinateLeaves.contains(v.name());
    Boolean known = memo.get(e);
    if (known != null) return known;
    boolean any = false;
    for (Expr c : children(e)) {
      if (coordinate(c)) {
        any = true;
        break;
      }
    }
    memo.put(e, any);
    return any;
  }

  /** What a node reads when it is computed ({@link Operands#of}: {@code a*b^-1} reads b). */
  static List<Expr> children(Expr e) {
    return Operands.of(e);
  }
}
