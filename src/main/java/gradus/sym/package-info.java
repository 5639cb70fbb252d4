/**
 * Symbolic mathematics of Gradus (JDK only): the hash-consed expression DAG ({@link
 * gradus.sym.Expr}, built through {@link gradus.sym.Sym}), declaration and validation of functions
 * ({@link gradus.sym.Sym#declare}), simplification ({@link gradus.sym.Simplifier}), printing as
 * text and LaTeX, differentiation ({@link gradus.sym.Derivatives}) and a reference evaluator.
 *
 * <p>How the pieces fit:
 *
 * <ul>
 *   <li>A {@link gradus.sym.ScalarFunction} keeps its body simplified; that body is what is
 *       evaluated, differentiated and compiled.
 *   <li>A gradient is a <em>scatter program</em> ({@link gradus.sym.Stmt}): sums stay {@code For}
 *       loops, and each reference {@code x[g(i)]} in a sum's body adds its partial derivative into
 *       slot g(i). The Hessian is the same with pairs of slots, so its sparsity pattern is symbolic.
 *       Building them costs time proportional to the size of the expression, never to n.
 *   <li>Printing unrolls only small cases (at most 1000 numbers, at most 100 terms per entry);
 *       larger gradients and Hessians print NumPy-style summaries ({@code [a, b, c, ..., x, y, z]}),
 *       and an entry with too many terms prints in loop form ({@code sum(i in 1..n, ...)}).
 *   <li>Evaluation ({@code evaluate}) runs loops; element indices outside 1..size read as nan,
 *       which only matters in a {@code where} branch that is not taken.
 *   <li>Non-smooth points follow PyTorch's autograd (see {@code Chain}).
 * </ul>
 */
package gradus.sym;
