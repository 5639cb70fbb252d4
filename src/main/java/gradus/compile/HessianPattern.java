package gradus.compile;

/**
 * Where a Hessian's structurally non-zero entries are: column j holds rows {@code
 * rows[colStarts[j] .. colStarts[j+1])}, ascending. Known from the program alone, before any
 * number is computed.
 */
public record HessianPattern(int n, int[] colStarts, int[] rows) {
  public int nnz() {
    return colStarts[n];
  }

  /** The position of entry (row, col), or -1 when it is structurally zero. */
  public int find(int row, int col) {
    int k = java.util.Arrays.binarySearch(rows, colStarts[col], colStarts[col + 1], row);
    return k >= 0 ? k : -1;
  }
}
