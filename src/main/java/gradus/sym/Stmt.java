package gradus.sym;

import java.util.List;

/**
 * A derivative as a program of scatter-adds, the form in which a gradient or Hessian keeps its
 * sums as loops. {@code Acc(row, col, value)} adds value to {@code out[col]} (gradient, row is
 * null) or to {@code out[row][col]} (Hessian); a {@code For} runs its body for every integer
 * index in lo..hi (inclusive; bounds may use enclosing indices); an {@code If} runs one branch
 * (conditions come from {@code where}, {@code min} and {@code max}).
 */
public sealed interface Stmt permits Stmt.Acc, Stmt.For, Stmt.If {

  /** A variable slot: a scalar variable ({@code index == null}) or {@code var[index]} (1-based). */
  record Slot(String var, Expr index) {
    @Override
    public String toString() {
      return index == null ? var : var + "[" + index.text() + "]";
    }
  }

  record Acc(Slot row, Slot col, Expr value) implements Stmt {
    Acc withCol(Slot c) {
      return new Acc(row, c, value);
    }
  }

  record For(String index, Expr lo, Expr hi, List<Stmt> body) implements Stmt {
    public For {
      body = List.copyOf(body);
    }
  }

  record If(Expr cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }
}
