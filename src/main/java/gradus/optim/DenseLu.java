package gradus.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionBase_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EJML's dense LU with the singularity test Newton and L-BFGS-B share: a matrix is singular to
 * working precision when a pivot is at most n·1e-15 of its largest entry (EJML itself only
 * refuses exact zeros).
 */
final class DenseLu {
  private final int n;
  private final LinearSolverDense<DMatrixRMaj> lu;
  private final DMatrixRMaj rhs;

  DenseLu(int n) {
    this.n = n;
    lu = LinearSolverFactory_DDRM.lu(n);
    rhs = new DMatrixRMaj(n, 1);
  }

  /** Solves a·x = b in place in b (a is left as it is); false if a is singular. */
  boolean solve(DMatrixRMaj a, double scale, double[] b) {
    if (!lu.setA(a)) return false;
    DMatrixRMaj factors = ((LUDecompositionBase_DDRM) lu.getDecomposition()).getLU();
    for (int i = 0; i < n; i++) {
      if (!(Math.abs(factors.data[i * n + i]) > scale * n * 1e-15)) return false;
    }
    System.arraycopy(b, 0, rhs.data, 0, n);
    lu.solve(rhs, DMatrixRMaj.wrap(n, 1, b));
    return true;
  }

  /** The largest |v_i|, the scale the test compares pivots with. */
  static double largest(double[] v) {
    double m = 0;
    for (double e : v) m = Math.max(m, Math.abs(e));
    return m;
  }
}
