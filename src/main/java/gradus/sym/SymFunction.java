package gradus.sym;

/**
 * A function value: scalar (1×1), vector (n×1, e.g. a gradient) or matrix (n×n, e.g. a Hessian)
 * valued, of the variables and fields of its {@link #signature()}. Symbolic only: numbers come
 * from compiling it ({@code gradus.compile}).
 */
public interface SymFunction {
  Signature signature();

  int rows();

  int cols();

  /** The simplified print form (SPEC §5/§9): an expression, {@code [a, b]} or {@code [[a, b], [c, d]]}. */
  String text();

  /** LaTeX source. */
  String latex();
}
