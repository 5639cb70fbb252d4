package gradus.compile;

/**
 * The compiled form of one scalar function of flattened variables {@code x} and (optionally) one
 * row of packed, row-major field data ({@code fields}, the row starting at {@code off}; ignored
 * without fields). Value, gradient, Hessian and Hessian-vector product are each a generated class,
 * made on first use from the programs {@code gradus.sym} builds. Not thread-safe: use one instance
 * per thread ({@link #copy}); an instance preallocates its scratch space, so nothing allocates per
 * call except the first Hessian's pattern.
 */
public interface CompiledFunction {
  /** Flattened number of variables. */
  int dimension();

  /** Flattened number of fields. */
  int fieldCount();

  double value(double[] x, double[] fields, int off);

  /** The value; overwrites {@code grad} (length {@link #dimension()}) with the gradient. */
  double valueAndGradient(double[] x, double[] fields, int off, double[] grad);

  /** The value; ADDS the gradient into {@code gradAcc} (minibatch loops call it once per row). */
  double accumulate(double[] x, double[] fields, int off, double[] gradAcc);

  /** The Hessian's structure, computed once: compressed sparse columns, both triangles. */
  HessianPattern hessianPattern();

  /** ADDS the Hessian's values, one per stored entry in {@link #hessianPattern()} order, into {@code values}. */
  void accumulateHessian(double[] x, double[] fields, int off, double[] values);

  /** Overwrites {@code h} (n*n, row-major) with the Hessian: h[i*n + j] = ∂/∂x_j of gradient entry i. */
  void hessian(double[] x, double[] fields, int off, double[] h);

  /** ADDS H·v into {@code out}, without forming H. */
  void accumulateHessianVector(double[] x, double[] fields, int off, double[] v, double[] out);

  /** A new instance sharing the generated code, with its own scratch space (for another thread). */
  CompiledFunction copy();
}
