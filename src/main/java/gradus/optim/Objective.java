package gradus.optim;

/** A smooth function of {@code dimension()} numbers, the thing every optimizer minimizes. */
public interface Objective {
  int dimension();

  /** Returns f(x) and overwrites {@code grad} with ∇f(x). Must not keep or modify {@code x}. */
  double valueAndGradient(double[] x, double[] grad);

  /** f(x) alone, for methods that use function values only; override when it is cheaper. */
  default double value(double[] x) {
    return valueAndGradient(x, new double[dimension()]);
  }

  default boolean hasHessian() {
    return false;
  }

  /** Overwrites {@code hRowMajor} (n×n, row-major, symmetric) with ∇²f(x). */
  default void hessian(double[] x, double[] hRowMajor) {
    throw new UnsupportedOperationException("this objective has no Hessian");
  }

  /**
   * The Hessian as a sparse matrix with a fixed pattern, or null when only the dense {@link
   * #hessian} is offered. Methods that factor the Hessian prefer this when it is much sparser
   * than n×n.
   */
  default SparseHessian sparseHessian() {
    return null;
  }

  /** Whether {@link #hessianVector} is available. */
  default boolean hasHessianVector() {
    return false;
  }

  /** Overwrites {@code out} with ∇²f(x)·v without forming the Hessian. */
  default void hessianVector(double[] x, double[] v, double[] out) {
    throw new UnsupportedOperationException("this objective has no Hessian-vector product");
  }

  /**
   * Whether {@code e}, thrown out of one of these methods, means that the user stopped the work
   * (compiled code that saw Ctrl-C in the middle of an evaluation). A run then ends
   * "interrupted" at its last accepted iterate, as when it sees the interrupt flag between
   * iterations; any other exception propagates.
   */
  default boolean isInterrupt(RuntimeException e) {
    return false;
  }
}
