package gradus.compile;

import gradus.sym.Expr;
import gradus.sym.Signature;
import gradus.sym.Stmt;
import java.util.List;

/**
 * What one generated class computes: optionally a value, and scatter statements into one kind of
 * output. Everything is an expression or statement built by {@code gradus.sym}; the compiler
 * only lays it out and evaluates it.
 *
 * @param value the expression whose value {@code run()} returns, or null
 * @param stmts scatter statements ({@code Acc} adds into the target, {@code For} loops)
 */
record Program(Signature sig, Expr value, List<Stmt> stmts, Target target) {
  /** The slot name of a vector-valued function's outputs: {@code #out[k]} is {@code g[k - 1]}. */
  static final String OUT = "#out";

  /** Where an {@code Acc} adds its value. */
  enum Target {
    /** No statements: the value only. */
    VALUE,
    /** {@code g[col] += v}: a gradient (or any vector of slots). */
    VECTOR,
    /** (row, col, v): a Hessian's entries; the first run records the pattern (see Generated.pair). */
    PAIRS
  }
}
