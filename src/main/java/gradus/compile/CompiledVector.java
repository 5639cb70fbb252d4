package gradus.compile;

/**
 * The compiled form of a vector-valued model ({@link gradus.sym.VectorFunction}): its outputs for
 * one point and one row of field data, as in {@link CompiledFunction}. Not thread-safe: one
 * instance per thread ({@link #copy}); nothing allocates per call.
 */
public interface CompiledVector {
  int dimension();

  int fieldCount();

  /** The number of outputs. */
  int length();

  /** Overwrites {@code out} (length {@link #length()}) with the outputs. */
  void values(double[] x, double[] fields, int off, double[] out);

  CompiledVector copy();
}
