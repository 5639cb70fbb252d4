package gradus.optim;

import java.util.Arrays;

/**
 * Chained Rosenbrock {@code sum(i in 1..n-1, 100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2)}, written by
 * hand: its gradient, its tridiagonal Hessian as a {@link SparseHessian} (both triangles) and, if
 * asked, the same Hessian dense. Its start is (-1.2, 1, -1.2, ...).
 */
public class ChainedRosenbrock implements Objective {
  final int n;
  private final boolean dense;
  int hessianVectors;

  public ChainedRosenbrock(int n, boolean dense) {
    this.n = n;
    this.dense = dense;
  }

  public static double[] start(int n) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) s[i] = i % 2 == 0 ? -1.2 : 1;
    return s;
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public double valueAndGradient(double[] x, double[] g) {
    double f = 0;
    Arrays.fill(g, 0);
    for (int i = 0; i < n - 1; i++) {
      double p = x[i + 1] - x[i] * x[i];
      double q = 1 - x[i];
      f += 100 * p * p + q * q;
      g[i] += -400 * x[i] * p - 2 * q;
      g[i + 1] += 200 * p;
    }
    return f;
  }

  /** The diagonal and the sub-diagonal of ∇²f(x). */
  double diagonal(double[] x, int j) {
    return (j < n - 1 ? 1200 * x[j] * x[j] - 400 * x[j + 1] + 2 : 0) + (j > 0 ? 200 : 0);
  }

  double offDiagonal(double[] x, int j) {
    return -400 * x[j];
  }

  @Override
  public boolean hasHessian() {
    return dense;
  }

  @Override
  public void hessian(double[] x, double[] h) {
    Arrays.fill(h, 0);
    for (int j = 0; j < n; j++) {
      h[j * n + j] = diagonal(x, j);
      if (j < n - 1) {
        h[j * n + j + 1] = offDiagonal(x, j);
        h[(j + 1) * n + j] = offDiagonal(x, j);
      }
    }
  }

  @Override
  public SparseHessian sparseHessian() {
    int[] starts = new int[n + 1];
    int[] rows = new int[3 * n - 2];
    int k = 0;
    for (int j = 0; j < n; j++) {
      starts[j] = k;
      if (j > 0) rows[k++] = j - 1;
      rows[k++] = j;
      if (j < n - 1) rows[k++] = j + 1;
    }
    starts[n] = k;
    return new SparseHessian() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public int[] columnStarts() {
        return starts;
      }

      @Override
      public int[] rowIndices() {
        return rows;
      }

      @Override
      public void values(double[] x, double[] v) {
        int k = 0;
        for (int j = 0; j < n; j++) {
          if (j > 0) v[k++] = offDiagonal(x, j - 1);
          v[k++] = diagonal(x, j);
          if (j < n - 1) v[k++] = offDiagonal(x, j);
        }
      }
    };
  }

  @Override
  public boolean hasHessianVector() {
    return true;
  }

  @Override
  public void hessianVector(double[] x, double[] v, double[] out) {
    hessianVectors++;
    for (int j = 0; j < n; j++) {
      double s = diagonal(x, j) * v[j];
      if (j > 0) s += offDiagonal(x, j - 1) * v[j - 1];
      if (j < n - 1) s += offDiagonal(x, j) * v[j + 1];
      out[j] = s;
    }
  }
}
