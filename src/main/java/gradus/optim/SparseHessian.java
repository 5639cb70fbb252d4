package gradus.optim;

/**
 * A Hessian with a fixed sparsity pattern, in compressed sparse columns: column j holds the rows
 * {@code rowIndices()[columnStarts()[j] .. columnStarts()[j+1])}, sorted ascending, both
 * triangles stored. The pattern is structural (known before any number is computed), so a
 * factorization can be analysed once and refilled at every iterate.
 */
public interface SparseHessian {
  /** n, the number of rows and columns. */
  int dimension();

  /** Length n + 1; {@code columnStarts()[n]} is the number of stored entries. */
  int[] columnStarts();

  /** Row of each stored entry, column by column; length {@code columnStarts()[n]}. */
  int[] rowIndices();

  /** Overwrites {@code values} (one per stored entry, in pattern order) with ∇²f(x). */
  void values(double[] x, double[] values);
}
