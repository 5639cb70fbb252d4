package gradus.optim;

/** A smooth function of {@code dimension()} numbers, the thing every optimizer minimizes. */
public interface Objective {
  int dimension();

  /** Returns f(x) and overwrites {@code grad} with ∇f(x). Must not keep or modify {@code x}. */
  double valueAndGradient(double[] x, double[] grad);

  default boolean hasHessian() {
    return false;
  }

  /** Overwrites {@code hRowMajor} (n×n, row-major, symmetric) with ∇²f(x). */
  default void hessian(double[] x, double[] hRowMajor) {
    throw new UnsupportedOperationException("this objective has no Hessian");
  }
}
