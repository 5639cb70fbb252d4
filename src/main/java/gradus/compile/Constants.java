package gradus.compile;

import gradus.sym.Expr;
import gradus.sym.Expr.Const;
import gradus.sym.Exprs;
import gradus.sym.Stmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a program's numbers live: in the instructions (an ldc each) while the class's constant
 * pool has room, else in a table the instance holds — a body with 100,000 distinct coefficients
 * still compiles.
 */
final class Constants {
  /** More distinct numbers than this go to the table (the pool holds 65,535 entries in all). */
  static final int POOL_LIMIT = 20_000;

  private final Map<Double, Integer> slots;

  private Constants(Map<Double, Integer> slots) {
    this.slots = slots;
  }

  static Constants of(Program p) {
    Map<Double, Integer> all = new HashMap<>();
    if (p.value() != null) collect(p.value(), all);
    collect(p.stmts(), all);
    return new Constants(all.size() > POOL_LIMIT ? all : null);
  }

  private static void collect(Expr e, Map<Double, Integer> out) {
    Exprs.visit(e, x -> {
      if (x instanceof Const c && !trivial(c.value())) out.putIfAbsent(c.value(), out.size());
    });
  }

  private static void collect(List<Stmt> stmts, Map<Double, Integer> out) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Acc a) {
        collect(a.value(), out);
        for (Expr i : a.col().indices()) collect(i, out);
        if (a.row() != null) for (Expr i : a.row().indices()) collect(i, out);
      } else if (s instanceof Stmt.For f) {
        collect(f.lo(), out);
        collect(f.hi(), out);
        collect(f.body(), out);
      }
    }
  }

  private static boolean trivial(double v) {
    return Double.doubleToRawLongBits(v) == 0L || v == 1.0;
  }

  /** The table slot of a number, or -1 when it goes in the instruction. */
  int slot(double v) {
    if (slots == null || trivial(v)) return -1;
    return slots.get(v);
  }

  /** The table the instances hold, or null. */
  double[] table() {
    if (slots == null) return null;
    double[] t = new double[slots.size()];
    for (Map.Entry<Double, Integer> en : slots.entrySet()) t[en.getValue()] = en.getKey();
    return t;
  }
}
