package gradus.compile;

import gradus.sym.ScalarFunction;
import java.util.Arrays;

/**
 * The generated classes of one function, shared by all its instances ({@link Compiled#copy}):
 * each is made once, on first use, and so is the Hessian's pattern.
 */
final class Programs {
  final ScalarFunction f;
  private Kind value;
  private Kind gradient;
  private Kind hessian;
  private Kind hvp;
  private HessianPattern pattern;
  private int[] order;

  /** A loaded class, the scratch size its instances need, and its numbers (null: in the class). */
  record Kind(Loader loader, int scratch, double[] constants) {
    Generated instance() {
      Generated g = loader.instance();
      g.scratch(scratch);
      g.k = constants;
      return g;
    }
  }

  Programs(ScalarFunction f) {
    this.f = f;
  }

  private static Kind kind(Program p) {
    return Compiler.load(p);
  }

  synchronized Kind value() {
    if (value == null) value = kind(Compiler.value(f));
    return value;
  }

  synchronized Kind gradient() {
    if (gradient == null) gradient = kind(Compiler.gradient(f));
    return gradient;
  }

  synchronized Kind hessian() {
    if (hessian == null) hessian = kind(Compiler.hessian(f));
    return hessian;
  }

  synchronized Kind hvp() {
    if (hvp == null) hvp = kind(Compiler.hessianVector(f));
    return hvp;
  }

  synchronized HessianPattern pattern() {
    if (pattern == null) record();
    return pattern;
  }

  /** For each scatter-add of the Hessian program, in order, the position of its entry. */
  synchronized int[] order() {
    if (pattern == null) record();
    return order;
  }

  /**
   * Runs the Hessian program once with no order (at x = 0: the pattern depends on indices only),
   * recording every scatter-add, and sorts them into compressed sparse columns; {@code order[k]}
   * is the entry that add k lands in, in every later run.
   */
  private void record() {
    int n = f.signature().dimension();
    Generated g = hessian().instance();
    g.recordingPattern = true;
    g.x = new double[n];
    g.f = new double[f.signature().fieldCount()];
    g.run();
    int count = g.recorded();
    int[] rows = g.recordedRows();
    int[] cols = g.recordedCols();
    int[] start = new int[n + 1];
    for (int k = 0; k < count; k++) start[cols[k] + 1]++;
    for (int j = 0; j < n; j++) start[j + 1] += start[j];
    long[] byCol = new long[count];
    int[] fill = Arrays.copyOf(start, n);
    for (int k = 0; k < count; k++) byCol[fill[cols[k]]++] = ((long) rows[k] << 32) | k;
    int[] colStarts = new int[n + 1];
    int[] entryRows = new int[count];
    order = new int[count];
    int nnz = 0;
    for (int j = 0; j < n; j++) {
      Arrays.sort(byCol, start[j], start[j + 1]);
      colStarts[j] = nnz;
      int last = -1;
      for (int q = start[j]; q < start[j + 1]; q++) {
        int row = (int) (byCol[q] >>> 32);
        if (row != last) {
          entryRows[nnz++] = row;
          last = row;
        }
        order[(int) byCol[q]] = nnz - 1;
      }
    }
    colStarts[n] = nnz;
    pattern = new HessianPattern(n, colStarts, Arrays.copyOf(entryRows, nnz));
  }
}
