package gradus.sym;

import java.util.List;

/**
 * A derivative as a program of scatter-adds, the form in which a gradient, a Hessian or a
 * Hessian-vector product keeps its sums as loops. {@code Acc(row, col, value)} adds value to
 * {@code out[col]} (row null: a gradient) or to {@code out[row][col]} (a Hessian); a {@code For}
 * runs its body for every integer index in lo..hi (inclusive; bounds may use enclosing indices).
 * Values are expressions; a branch of {@code where} not taken is a {@code where(cond, ..., 0)} in
 * the value, so the statements themselves never branch and every run scatters into the same
 * slots (the sparsity pattern of a Hessian is known before any number is computed).
 */
public sealed interface Stmt permits Stmt.Acc, Stmt.For {

  /** A variable slot: a scalar variable (no indices), {@code var[i]} or {@code var[j, k]} (1-based). */
  record Slot(String var, List<Expr> indices) {
    public Slot {
      indices = List.copyOf(indices);
    }

    /** A scalar's slot ({@code index == null}) or a vector element's. */
    public Slot(String var, Expr index) {
      this(var, index == null ? List.of() : List.of(index));
    }

    /** The index of a vector element, or null for a scalar (not for a matrix element). */
    public Expr index() {
      if (indices.size() > 1) throw new IllegalStateException(var + " has two indices");
      return indices.isEmpty() ? null : indices.get(0);
    }

    public boolean scalar() {
      return indices.isEmpty();
    }

    /** The element this slot names, as an expression ({@code x}, {@code x[i]}, {@code W[j, k]}). */
    public Expr expr() {
      return indices.isEmpty() ? Sym.var(var) : Sym.elem(var, indices);
    }

    @Override
    public String toString() {
      return Printer.compact(expr());
    }
  }

  record Acc(Slot row, Slot col, Expr value) implements Stmt {}

  record For(String index, Expr lo, Expr hi, List<Stmt> body) implements Stmt {
    public For {
      body = List.copyOf(body);
    }
  }
}
