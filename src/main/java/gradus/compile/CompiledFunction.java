package gradus.compile;

/**
 * A fast evaluator of one scalar function of flattened variables {@code x} and (optionally) one
 * row of packed, row-major field data. Not thread-safe: use one instance per thread; instances
 * preallocate their scratch space, so {@link #value}, {@link #valueAndGradient} and {@link
 * #accumulate} allocate nothing per call.
 */
public interface CompiledFunction {
  /** Flattened number of variables ({@code Signature.dimension()}). */
  int dimension();

  /** Flattened number of fields ({@code Signature.fieldCount()}). */
  int fieldCount();

  /** The value; {@code fields} holds packed rows and the row starts at {@code off} (ignored when there are no fields). */
  double value(double[] x, double[] fields, int off);

  /** The value; overwrites {@code grad} (length {@link #dimension()}) with the gradient. */
  double valueAndGradient(double[] x, double[] fields, int off, double[] grad);

  /** The value; ADDS the gradient into {@code gradAcc} (minibatch loops call it once per row). */
  double accumulate(double[] x, double[] fields, int off, double[] gradAcc);

  /** The dense Hessian, n*n row-major and symmetric, into {@code h}. */
  void hessian(double[] x, double[] fields, int off, double[] h);
}
