package gradus.sym;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The print form of gradients and Hessians. Small cases (at most 1000 numbers, as SPEC §9 prints
 * lists in full) are shown entry by entry, each entry the simplified sum of everything the scatter
 * program adds to it, with sums unrolled for the concrete indices. Larger cases print like NumPy's
 * summary: the first and last three entries of each axis around {@code ...}. Should even that
 * exceed the printing budget, an entry prints in loop form (a {@code sum} of a {@code where}).
 */
final class Display {
  private Display() {}

  static final long FULL_BUDGET = 200_000;
  static final long SUMMARY_BUDGET = 30_000_000;

  /** Entries of a vector to print; null marks the {@code ...} of a summary. */
  static List<Expr> gradient(List<Stmt> stmts, Signature sig) {
    int n = sig.dimension();
    if (n <= 1000) {
      try {
        Map<Long, Expr> m = Unroll.entries(stmts, sig, 0, null, FULL_BUDGET);
        List<Expr> out = new ArrayList<>();
        for (long k = 0; k < n; k++) out.add(m.getOrDefault(k, Sym.ZERO));
        return out;
      } catch (Unroll.TooBig e) {
        // fall through to the summary
      }
    }
    List<Integer> idx = summaryIndices(n);
    Set<Long> wanted = new HashSet<>();
    for (int k : idx) wanted.add((long) k);
    Map<Long, Expr> m = null;
    try {
      m = Unroll.entries(stmts, sig, 0, wanted, SUMMARY_BUDGET);
    } catch (Unroll.TooBig e) {
      // loop form below
    }
    UnaryOperator<Expr> simp = Simplifier.session(sig);
    List<Expr> out = new ArrayList<>();
    for (int k : idx) {
      if (k < 0) out.add(null);
      else if (m != null) out.add(m.getOrDefault((long) k, Sym.ZERO));
      else out.add(simp.apply(Unroll.slotExpr(stmts, sig, sig.ref(k))));
    }
    return out;
  }

  /** Rows of a symmetric matrix to print (upper triangle mirrored); null marks {@code ...}. */
  static List<List<Expr>> hessian(List<Stmt> stmts, Signature sig) {
    int n = sig.dimension();
    List<Integer> idx = (long) n * n <= 1000 ? range(n) : summaryIndices(n);
    Set<Long> wanted = new HashSet<>();
    for (int r : idx) for (int c : idx) if (r >= 0 && c >= 0) wanted.add(key(r, c, n));
    Map<Long, Expr> m = null;
    try {
      m = Unroll.entries(stmts, sig, n, wanted, (long) n * n <= 1000 ? FULL_BUDGET : SUMMARY_BUDGET);
    } catch (Unroll.TooBig e) {
      // loop form below
    }
    UnaryOperator<Expr> simp = Simplifier.session(sig);
    List<List<Expr>> rows = new ArrayList<>();
    for (int r : idx) {
      if (r < 0) {
        rows.add(null);
        continue;
      }
      List<Expr> row = new ArrayList<>();
      for (int c : idx) {
        if (c < 0) row.add(null);
        else if (m != null) row.add(m.getOrDefault(key(r, c, n), Sym.ZERO));
        else row.add(simp.apply(Unroll.slotExpr2(stmts, sig.ref(Math.min(r, c)), sig.ref(Math.max(r, c)))));
      }
      rows.add(row);
    }
    return rows;
  }

  private static long key(int r, int c, int n) {
    return (long) Math.min(r, c) * n + Math.max(r, c);
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(i);
    return out;
  }

  /** 0, 1, 2, -1 (the ellipsis), n-3, n-2, n-1 — or all when n <= 6. */
  private static List<Integer> summaryIndices(int n) {
    if (n <= 6) return range(n);
    return List.of(0, 1, 2, -1, n - 3, n - 2, n - 1);
  }

  static String vectorText(List<Expr> items, boolean tex) {
    List<String> s = new ArrayList<>();
    for (Expr e : items) s.add(e == null ? (tex ? "\\vdots" : "...") : tex ? e.latex() : e.text());
    return Printer.vector(s, tex);
  }

  static String matrixText(List<List<Expr>> rows, boolean tex) {
    List<List<String>> out = new ArrayList<>();
    int width = 0;
    for (List<Expr> r : rows) if (r != null) width = r.size();
    for (List<Expr> r : rows) {
      List<String> s = new ArrayList<>();
      if (r == null) {
        if (!tex) {
          out.add(null);
          continue;
        }
        for (int i = 0; i < width; i++) s.add("\\vdots");
      } else {
        for (Expr e : r) s.add(e == null ? (tex ? "\\cdots" : "...") : tex ? e.latex() : e.text());
      }
      out.add(s);
    }
    if (!tex) {
      List<String> rs = new ArrayList<>();
      for (List<String> r : out) rs.add(r == null ? "..." : "[" + String.join(", ", r) + "]");
      return "[" + String.join(", ", rs) + "]";
    }
    return Printer.matrix(out, true);
  }
}
