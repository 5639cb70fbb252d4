package gradus.sym;

import gradus.sym.Expr.Array;
import gradus.sym.Expr.At;
import gradus.sym.Expr.Cmp;
import gradus.sym.Expr.Const;
import gradus.sym.Expr.Index;
import gradus.sym.Expr.Where;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The local arrays of block bodies: building a list local ({@code z = [a, b, c]}, an array whose
 * element c is a {@code where} chain on c), finding the arrays an expression uses in the order
 * they are defined, and the shape of an array-valued expression.
 */
public final class Blocks {
  private Blocks() {}

  /** The index name of a list local's array. */
  static final String LIST_INDEX = "k";

  /** The list {@code [items...]} as a local array named {@code name}. */
  public static Expr list(String name, List<Expr> items) {
    if (items.isEmpty()) throw new SymException("the list '" + name + "' is empty");
    Set<String> avoid = new java.util.HashSet<>();
    for (Expr x : items) avoid.addAll(Exprs.freeIndices(x));
    String k = Exprs.fresh(LIST_INDEX, avoid);
    return Sym.array(name, List.of(k), List.of(Sym.ONE), List.of(Sym.num(items.size())), chain(Sym.index(k), items));
  }

  /** The matrix {@code [[..], [..]]} (rows of equal length) as a local array named {@code name}. */
  public static Expr matrix(String name, List<List<Expr>> rows) {
    Set<String> avoid = new java.util.HashSet<>();
    for (List<Expr> r : rows) for (Expr x : r) avoid.addAll(Exprs.freeIndices(x));
    String i = Exprs.fresh("i", avoid);
    avoid.add(i);
    String j = Exprs.fresh("j", avoid);
    List<Expr> byRow = new ArrayList<>();
    for (List<Expr> r : rows) byRow.add(chain(Sym.index(j), r));
    Expr body = chain(Sym.index(i), byRow);
    return Sym.array(name, List.of(i, j), List.of(Sym.ONE, Sym.ONE), List.of(Sym.num(rows.size()), Sym.num(rows.get(0).size())), body);
  }

  /** where(k == 1, items[1], where(k == 2, items[2], ... items[n])). */
  private static Expr chain(Expr k, List<Expr> items) {
    Expr body = items.get(items.size() - 1);
    for (int c = items.size() - 1; c >= 1; c--) body = Sym.where(Sym.cmp("==", k, Sym.num(c)), items.get(c - 1), body);
    return body;
  }

  /** The items of a list built by {@link #list} (after simplification too), or null. */
  static List<Expr> listItems(Array a) {
    if (a.indices().size() != 1 || !(a.lo().get(0) instanceof Const lo) || lo.value() != 1) return null;
    String k = a.indices().get(0);
    int n = a.extent(0);
    List<Expr> out = new ArrayList<>();
    Expr e = a.body();
    for (int c = 1; c < n; c++) {
      if (!(e instanceof Where w) || !(w.cond() instanceof Cmp cmp) || !cmp.op().equals("==")
          || !(cmp.a() instanceof Index ix) || !ix.name().equals(k) || !(cmp.b() instanceof Const v) || v.value() != c
          || Exprs.hasFreeIndex(w.a(), k)) {
        return null;
      }
      out.add(w.a());
      e = w.b();
    }
    if (Exprs.hasFreeIndex(e, k)) return null;
    out.add(e);
    return out.size() >= 2 ? out : null;
  }

  /** The distinct arrays {@code e} reads, each after the arrays its own body reads. */
  public static List<Array> arrays(Expr e) {
    List<Array> out = new ArrayList<>();
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    // iterative post-order, so a long chain of locals cannot overflow the stack
    List<Expr> stack = new ArrayList<>();
    List<Boolean> expanded = new ArrayList<>();
    stack.add(e);
    expanded.add(false);
    while (!stack.isEmpty()) {
      int top = stack.size() - 1;
      Expr x = stack.get(top);
      if (expanded.get(top)) {
        stack.remove(top);
        expanded.remove(top);
        if (x instanceof Array a) out.add(a);
        continue;
      }
      if (!seen.add(x)) {
        stack.remove(top);
        expanded.remove(top);
        continue;
      }
      expanded.set(top, true);
      for (Expr c : Exprs.children(x)) {
        stack.add(c);
        expanded.add(false);
      }
    }
    return out;
  }

  /** One line, local arrays by name ({@code z[label]}): for messages. */
  public static String compact(Expr e) {
    return Printer.compact(e);
  }

  /** A local array's shape as declared: {@code z[3]}, {@code A[2, 3]}, {@code h[0..15]}. */
  public static String shape(Array a) {
    return Declare.shape(a);
  }

  /** True when e reads a local array. */
  public static boolean hasArrays(Expr e) {
    boolean[] any = {false};
    Exprs.visit(e, x -> any[0] |= x instanceof At);
    return any[0];
  }
}
