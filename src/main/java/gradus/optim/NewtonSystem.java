package gradus.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The Hessian of one Newton run and the solves Newton needs: H + τI by Cholesky, with τ found by
 * {@link #shiftUntilPositiveDefinite} (Nocedal & Wright, Algorithm 3.3), and H itself by LU.
 * {@link #dense} keeps H as an n×n EJML matrix; {@link SparseNewtonSystem} keeps the objective's
 * fixed pattern and factors it sparsely.
 *
 * <p>Projected Newton ({@link ProjectedNewton}) solves on the free coordinates only: after
 * {@link #fix}, the fixed coordinates' rows and columns are those of a multiple of I, no shift
 * touches them and the solves leave b's entries there as they were, so the other entries solve
 * {@code H_FF d_F = b_F}.
 */
abstract class NewtonSystem {
  private static final int MAX_SHIFTS = 200;

  /** The coordinates fixed since the last load, or null. */
  boolean[] fixed;
  private double[] saved;

  /** Evaluates ∇²f(x) and frees every coordinate; false if an entry is not finite. */
  final boolean load(double[] x) {
    fixed = null;
    return loadValues(x);
  }

  abstract boolean loadValues(double[] x);

  /** Fixes the coordinates i with {@code fixed[i]} until the next load (see the class comment). */
  final void fix(boolean[] fixed) {
    this.fixed = fixed;
    if (saved == null) saved = new double[fixed.length];
    masked();
  }

  /** Applies {@link #fixed} to the loaded values where the implementation keeps them. */
  abstract void masked();

  boolean free(int i) {
    return fixed == null || !fixed[i];
  }

  /** The smallest and the largest diagonal entry of H on the free coordinates: {min, max}. */
  abstract double[] diagonalRange();

  /** Factors H + τI (τ on the free coordinates) by Cholesky; false if not positive definite. */
  abstract boolean factorShifted(double tau);

  /** Solves (H + τI) d = b with the last successful {@link #factorShifted}, in place in b. */
  final void solveFactored(double[] b) {
    keep(b);
    solveFactoredInPlace(b);
    restore(b);
  }

  /** Solves H d = b by LU, in place in b; false if H is singular. */
  final boolean solveLu(double[] b) {
    keep(b);
    boolean ok = solveLuInPlace(b);
    restore(b);
    return ok;
  }

  abstract void solveFactoredInPlace(double[] b);

  abstract boolean solveLuInPlace(double[] b);

  private void keep(double[] b) {
    if (fixed != null) System.arraycopy(b, 0, saved, 0, b.length);
  }

  private void restore(double[] b) {
    if (fixed == null) return;
    for (int i = 0; i < b.length; i++) if (fixed[i]) b[i] = saved[i];
  }

  /**
   * Factors the smallest H + τI that Algorithm 3.3 finds positive definite and returns τ, or NaN
   * if no finite shift factors (or Ctrl-C stops the search). With β = 1e-6·max|hᵢᵢ| (relative,
   * so that scaling f scales the shift; N&W's absolute 1e-3 if the diagonal is zero), τ₀ = 0 if
   * every hᵢᵢ > 0, else β - min hᵢᵢ; then τ_{k+1} = max(2τ_k, β).
   */
  final double shiftUntilPositiveDefinite(Evaluator ev) {
    double[] range = diagonalRange();
    double scale = Math.max(Math.abs(range[0]), Math.abs(range[1]));
    double beta = scale > 0 ? 1e-6 * scale : 1e-3;
    double tau = range[0] > 0 ? 0 : beta - range[0];
    for (int k = 0; k < MAX_SHIFTS && Double.isFinite(tau) && !ev.interrupted(); k++) {
      if (factorShifted(tau)) return tau;
      tau = Math.max(2 * tau, beta);
    }
    return Double.NaN;
  }

  /** The dense system (row-major n×n) for an objective with {@link Objective#hessian}. */
  static NewtonSystem dense(Evaluator ev, int n) {
    return new NewtonSystem() {
      final DMatrixRMaj h = new DMatrixRMaj(n, n);
      final DMatrixRMaj a = new DMatrixRMaj(n, n);
      final DMatrixRMaj b = new DMatrixRMaj(n, 1);
      final LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
      final DenseLu lu = new DenseLu(n);
      final double[] range = new double[2];
      /** The largest |h_ij| of the loaded H: the pivot test's scale and the fixed diagonal. */
      double scale;

      @Override
      boolean loadValues(double[] x) {
        ev.hessian(x, h.data);
        scale = DenseLu.largest(h.data);
        return Vec.finite(h.data);
      }

      @Override
      void masked() {
        double unit = scale > 0 ? scale : 1;
        for (int i = 0; i < n; i++) {
          if (!fixed[i]) continue;
          for (int j = 0; j < n; j++) {
            h.data[i * n + j] = 0;
            h.data[j * n + i] = 0;
          }
          h.data[i * n + i] = unit;
        }
      }

      @Override
      double[] diagonalRange() {
        range[0] = Double.POSITIVE_INFINITY;
        range[1] = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          if (!free(i)) continue;
          range[0] = Math.min(range[0], h.data[i * n + i]);
          range[1] = Math.max(range[1], h.data[i * n + i]);
        }
        return range;
      }

      @Override
      boolean factorShifted(double tau) {
        a.setTo(h);
        for (int i = 0; i < n; i++) if (free(i)) a.data[i * n + i] += tau;
        return chol.setA(a);
      }

      @Override
      void solveFactoredInPlace(double[] v) {
        System.arraycopy(v, 0, b.data, 0, n);
        chol.solve(b, DMatrixRMaj.wrap(n, 1, v));
      }

      @Override
      boolean solveLuInPlace(double[] v) {
        a.setTo(h);
        return lu.solve(a, scale, v);
      }
    };
  }
}
