package gradus.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionBase_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The Hessian of one Newton run and the solves Newton needs: H + τI by Cholesky (false when it is
 * not positive definite) and H itself by LU. {@link #dense} keeps H as an n×n EJML matrix;
 * {@link SparseNewtonSystem} keeps the objective's fixed pattern and factors it sparsely.
 */
abstract class NewtonSystem {
  /** Evaluates ∇²f(x); false if an entry is not finite. */
  abstract boolean load(double[] x);

  /** The smallest and the largest diagonal entry of H: {min, max}. */
  abstract double[] diagonalRange();

  /** Factors H + τI by Cholesky; false if it is not positive definite. */
  abstract boolean factorShifted(double tau);

  /** Solves (H + τI) d = b with the last successful {@link #factorShifted}, in place in b. */
  abstract void solveFactored(double[] b);

  /** Solves H d = b by LU, in place in b; false if H is singular. */
  abstract boolean solveLu(double[] b);

  /** The dense system (row-major n×n) for an objective with {@link Objective#hessian}. */
  static NewtonSystem dense(Evaluator ev, int n) {
    return new NewtonSystem() {
      final DMatrixRMaj h = new DMatrixRMaj(n, n);
      final DMatrixRMaj a = new DMatrixRMaj(n, n);
      final DMatrixRMaj b = new DMatrixRMaj(n, 1);
      final LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
      final LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
      final double[] range = new double[2];

      @Override
      boolean load(double[] x) {
        ev.hessian(x, h.data);
        return Vec.finite(h.data);
      }

      @Override
      double[] diagonalRange() {
        range[0] = Double.POSITIVE_INFINITY;
        range[1] = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          range[0] = Math.min(range[0], h.data[i * n + i]);
          range[1] = Math.max(range[1], h.data[i * n + i]);
        }
        return range;
      }

      @Override
      boolean factorShifted(double tau) {
        a.setTo(h);
        for (int i = 0; i < n; i++) a.data[i * n + i] += tau;
        return chol.setA(a);
      }

      @Override
      void solveFactored(double[] v) {
        solve(chol, v);
      }

      /** Singular when a pivot is below n·1e-15 of H's largest entry. */
      @Override
      boolean solveLu(double[] v) {
        a.setTo(h);
        if (!lu.setA(a)) return false;
        DMatrixRMaj factors = ((LUDecompositionBase_DDRM) lu.getDecomposition()).getLU();
        double scale = 0;
        for (double e : h.data) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < n; i++) {
          if (!(Math.abs(factors.data[i * n + i]) > scale * n * 1e-15)) return false;
        }
        solve(lu, v);
        return true;
      }

      void solve(LinearSolverDense<DMatrixRMaj> solver, double[] v) {
        System.arraycopy(v, 0, b.data, 0, n);
        solver.solve(b, DMatrixRMaj.wrap(n, 1, v));
      }
    };
  }
}
