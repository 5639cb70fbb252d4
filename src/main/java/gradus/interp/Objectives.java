package gradus.interp;

import gradus.compile.CompiledFunction;
import gradus.compile.HessianPattern;
import gradus.compile.Interrupt;
import gradus.optim.BatchObjective;
import gradus.optim.Objective;
import gradus.optim.SparseHessian;
import java.util.Arrays;

/**
 * A compiled function as the optimizers see it: value and gradient, the Hessian (dense, or sparse
 * with its symbolic pattern) and Hessian-vector products, called on the caller's arrays without
 * copies. Over data, each is the mean over the rows (one packed row-major array, no allocation per
 * row); minibatches are means over a subset of the rows.
 */
final class Objectives {
  private Objectives() {}

  /** The objective of c; over data when {@code rows} is not null (count rows of {@code stride} fields). */
  static Objective of(CompiledFunction c, double[] rows, int stride, int count) {
    return rows == null ? new Plain(c) : new OverData(c, rows, stride, count);
  }

  /** A function without data fields. */
  private static class Plain implements Objective {
    final CompiledFunction c;
    final int n;
    private double[] entries;

    Plain(CompiledFunction c) {
      this.c = c;
      this.n = c.dimension();
    }

    /** The rows averaged over: all rows, or the one empty row of a plain function. */
    int count() {
      return 1;
    }

    /** Adds the Hessian values of every row into v. */
    void addHessian(double[] x, double[] v) {
      c.accumulateHessian(x, null, 0, v);
    }

    void addHessianVector(double[] x, double[] d, double[] out) {
      c.accumulateHessianVector(x, null, 0, d, out);
    }

    @Override public int dimension() {
      return n;
    }

    @Override public double valueAndGradient(double[] x, double[] grad) {
      return c.valueAndGradient(x, null, 0, grad);
    }

    @Override public double value(double[] x) {
      return c.value(x, null, 0);
    }

    @Override public boolean hasHessian() {
      return true;
    }

    @Override public void hessian(double[] x, double[] h) {
      HessianPattern p = c.hessianPattern();
      if (entries == null) entries = new double[p.nnz()];
      values(x, entries);
      Arrays.fill(h, 0, n * n, 0.0);
      for (int j = 0; j < n; j++) {
        for (int q = p.colStarts()[j]; q < p.colStarts()[j + 1]; q++) h[p.rows()[q] * n + j] = entries[q];
      }
    }

    void values(double[] x, double[] v) {
      Arrays.fill(v, 0);
      addHessian(x, v);
      scale(v, 1.0 / count(), v.length);
    }

    @Override public SparseHessian sparseHessian() {
      HessianPattern p = c.hessianPattern();
      return new SparseHessian() {
        @Override public int dimension() {
          return n;
        }

        @Override public int[] columnStarts() {
          return p.colStarts();
        }

        @Override public int[] rowIndices() {
          return p.rows();
        }

        @Override public void values(double[] x, double[] values) {
          Plain.this.values(x, values);
        }
      };
    }

    @Override public boolean hasHessianVector() {
      return true;
    }

    /**
     * Compiled code throws {@link Interrupt.Interrupted} when it sees Ctrl-C mid-evaluation, and
     * compiling (on the first evaluation) a {@link gradus.sym.Cancel.Cancelled}.
     */
    @Override public boolean isInterrupt(RuntimeException e) {
      return e instanceof gradus.sym.Cancel.Cancelled;
    }

    @Override public void hessianVector(double[] x, double[] v, double[] out) {
      Arrays.fill(out, 0, n, 0.0);
      addHessianVector(x, v, out);
      scale(out, 1.0 / count(), n);
    }
  }

  /** v *= k (k = 1/rows: a mean is a sum times the same factor everywhere, as before). */
  static void scale(double[] v, double k, int len) {
    if (k != 1) for (int i = 0; i < len; i++) v[i] *= k;
  }

  /** The mean of a loss over the rows of a data set. */
  private static final class OverData extends Plain implements BatchObjective {
    private final double[] data;
    private final int stride;
    private final int rows;

    OverData(CompiledFunction c, double[] data, int stride, int rows) {
      super(c);
      this.data = data;
      this.stride = stride;
      this.rows = rows;
    }

    @Override int count() {
      return rows;
    }

    @Override public int rows() {
      return rows;
    }

    @Override void addHessian(double[] x, double[] v) {
      for (int r = 0; r < rows; r++) c.accumulateHessian(x, data, r * stride, v);
    }

    @Override void addHessianVector(double[] x, double[] d, double[] out) {
      for (int r = 0; r < rows; r++) c.accumulateHessianVector(x, data, r * stride, d, out);
    }

    @Override public double valueAndGradient(double[] x, double[] grad) {
      Arrays.fill(grad, 0, n, 0.0);
      double sum = 0;
      for (int r = 0; r < rows; r++) sum += c.accumulate(x, data, r * stride, grad);
      double inv = 1.0 / rows;
      scale(grad, inv, n);
      return sum * inv;
    }

    @Override public double value(double[] x) {
      double sum = 0;
      for (int r = 0; r < rows; r++) sum += c.value(x, data, r * stride);
      return sum * (1.0 / rows);
    }

    @Override public double batchValueAndGradient(double[] x, int[] order, int from, int to, double[] grad) {
      Arrays.fill(grad, 0, n, 0.0);
      double sum = 0;
      for (int k = from; k < to; k++) sum += c.accumulate(x, data, order[k] * stride, grad);
      double inv = 1.0 / (to - from);
      scale(grad, inv, n);
      return sum * inv;
    }
  }
}
