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

  /** A variable slot: a scalar variable ({@code index == null}) or {@code var[index]} (1-based). */
  record Slot(String var, Expr index) {
    @Override
    public String toString() {
      return index == null ? var : var + "[" + index.text() + "]";
    }
  }

  record Acc(Slot row, Slot col, Expr value) implements Stmt {}

  record For(String index, Expr lo, Expr hi, List<Stmt> body) implements Stmt {
    public For {
      body = List.copyOf(body);
    }
  }
}
