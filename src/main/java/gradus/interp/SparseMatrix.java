package gradus.interp;

import gradus.compile.CompiledFunction;
import gradus.compile.HessianPattern;
import gradus.lang.GradusError;
import gradus.lang.Span;
import gradus.sym.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * A sparse matrix value (the Hessian of more than 1000 variables), in compressed sparse columns
 * as SciPy's {@code csc_matrix}: it prints its size, its number of stored entries and the first
 * and last few of them; {@code nnz(H)}, {@code H[i, j]}, {@code H * v}, {@code dense(H)}.
 */
final class SparseMatrix implements Value.Obj {
  private static final int EDGE = 3;

  final HessianPattern pattern;
  final double[] values;

  SparseMatrix(HessianPattern pattern, double[] values) {
    this.pattern = pattern;
    this.values = values;
  }

  static SparseMatrix hessian(CompiledFunction c, double[] x, double[] fields) {
    HessianPattern p = c.hessianPattern();
    double[] v = new double[p.nnz()];
    c.accumulateHessian(x, fields, 0, v);
    return new SparseMatrix(p, v);
  }

  @Override
  public String kind() {
    return "sparse matrix";
  }

  int n() {
    return pattern.n();
  }

  int nnz() {
    return pattern.nnz();
  }

  /** H[i, j] with 1-based indices. */
  Value get(long i, long j, Span span) {
    int n = n();
    if (i < 1 || i > n || j < 1 || j > n) {
      throw new GradusError(span, "index [" + i + ", " + j + "] is out of range for a " + n + "x" + n + " matrix");
    }
    int k = pattern.find((int) i - 1, (int) j - 1);
    return new Value.Num(k < 0 ? 0 : values[k]);
  }

  /** H * v. */
  double[] times(double[] v, Span span) {
    int n = n();
    if (v.length != n) throw new GradusError(span, "a " + n + "x" + n + " matrix times a list of " + v.length + " numbers");
    double[] out = new double[n];
    int[] cs = pattern.colStarts();
    int[] rs = pattern.rows();
    for (int j = 0; j < n; j++) {
      double vj = v[j];
      for (int q = cs[j]; q < cs[j + 1]; q++) out[rs[q]] += values[q] * vj;
    }
    return out;
  }

  SparseMatrix scaled(double k) {
    double[] v = values.clone();
    for (int q = 0; q < v.length; q++) v[q] *= k;
    return new SparseMatrix(pattern, v);
  }

  double[][] dense() {
    int n = n();
    if ((long) n * n > 50_000_000L) {
      throw new GradusError(null, "dense(H) of a " + n + "x" + n + " matrix needs " + Numbers.format((double) n * n)
          + " numbers, too many to hold");
    }
    double[][] out = new double[n][n];
    int[] cs = pattern.colStarts();
    for (int j = 0; j < n; j++) for (int q = cs[j]; q < cs[j + 1]; q++) out[pattern.rows()[q]][j] = values[q];
    return out;
  }

  /** The stored entries as (row, col, value) triples, 1-based, in storage order. */
  void forEach(EntryVisitor f) {
    int[] cs = pattern.colStarts();
    for (int j = 0; j < n(); j++) for (int q = cs[j]; q < cs[j + 1]; q++) f.visit(pattern.rows()[q] + 1, j + 1, values[q]);
  }

  interface EntryVisitor {
    void visit(int row, int col, double value);
  }

  @Override
  public String toString() {
    int n = n();
    int nnz = nnz();
    List<String> lines = new ArrayList<>();
    lines.add("sparse " + n + "x" + n + " matrix, " + nnz + " stored entr" + (nnz == 1 ? "y" : "ies")
        + (nnz == 0 ? "" : ":"));
    int[] k = {0};
    forEach((r, c, v) -> {
      int at = k[0]++;
      if (at < EDGE || at >= nnz - EDGE) lines.add("  (" + r + ", " + c + ")  " + Numbers.format(v));
      else if (at == EDGE) lines.add("  ...");
    });
    return String.join("\n", lines);
  }
}
