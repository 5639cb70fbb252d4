package gradus.sym;

import gradus.sym.Expr.Add;
import gradus.sym.Expr.Logic;
import gradus.sym.Expr.Mul;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The evaluation form of an expression: wide sums, products and logical operations regrouped
 * into balanced trees of at most {@link #MAX_ARITY} children, so that the local derivative of a
 * product (the product of the other factors) and each piece of compiled code stay small however
 * wide the expression is. Idempotent: nodes already in this form come back as they are.
 */
public final class Normalize {
  public static final int MAX_ARITY = 8;

  private final Map<Expr, Expr> memo = new IdentityHashMap<>();

  /** A normalizer that keeps its memo across calls, so related expressions stay shared. */
  public Normalize() {}

  public static Expr of(Expr e) {
    return new Normalize().apply(e);
  }

  public Expr apply(Expr e) {
    Expr done = memo.get(e);
    if (done != null) return done;
    // children first, iteratively, so that a deep chain cannot overflow the stack
    List<Expr> todo = new ArrayList<>();
    todo.add(e);
    while (!todo.isEmpty()) {
      Expr x = todo.get(todo.size() - 1);
      if (memo.containsKey(x)) {
        todo.remove(todo.size() - 1);
        continue;
      }
      boolean ready = true;
      for (Expr c : Exprs.children(x)) {
        if (!memo.containsKey(c)) {
          todo.add(c);
          ready = false;
        }
      }
      if (!ready) continue;
      todo.remove(todo.size() - 1);
      memo.put(x, rebuild(x));
    }
    return memo.get(e);
  }

  private Expr rebuild(Expr e) {
    List<Expr> ch = Exprs.children(e);
    List<Expr> out = new ArrayList<>(ch.size());
    for (Expr c : ch) out.add(memo.get(c));
    if (e instanceof Add) return group(out, Sym::add);
    if (e instanceof Mul) return group(out, Sym::mul);
    if (e instanceof Logic l && !l.op().equals("not")) return group(out, g -> Sym.logic(l.op(), g));
    return Exprs.withChildren(e, out);
  }

  private static Expr group(List<Expr> xs, Function<List<Expr>, Expr> build) {
    while (xs.size() > MAX_ARITY) {
      List<Expr> next = new ArrayList<>();
      for (int i = 0; i < xs.size(); i += MAX_ARITY) {
        List<Expr> g = xs.subList(i, Math.min(xs.size(), i + MAX_ARITY));
        next.add(g.size() == 1 ? g.get(0) : build.apply(new ArrayList<>(g)));
      }
      xs = next;
    }
    return build.apply(xs);
  }
}
