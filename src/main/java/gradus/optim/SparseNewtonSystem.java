package gradus.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * A Newton system on the objective's {@link SparseHessian}: the values are filled into the fixed
 * pattern at each iterate, and EJML's sparse (up-looking) Cholesky factors H + τI, analysing the
 * pattern once and reusing that analysis for every shift and iterate. EJML reads the upper
 * triangle, so the shifted matrix holds the pattern's upper triangle plus the whole diagonal
 * (added where the pattern has none). No fill-reducing ordering: EJML 0.43 has none better than
 * the natural order, which is right for banded Hessians such as chained sums.
 */
final class SparseNewtonSystem extends NewtonSystem {
  private final Evaluator ev;
  private final SparseHessian sh;
  private final int n;
  private final double[] values;
  /** The whole pattern, for LU; its values array is {@link #values}. */
  private final DMatrixSparseCSC full;
  /** Upper triangle and diagonal, for Cholesky; where each pattern entry goes in it (or -1). */
  private final DMatrixSparseCSC upper;
  private final int[] toUpper;
  private final int[] diagonal;
  private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> chol =
      LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
  private LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu;
  private final DMatrixRMaj rhs;
  private final DMatrixRMaj sol;
  private final double[] range = new double[2];

  SparseNewtonSystem(Evaluator ev, SparseHessian sh) {
    this.ev = ev;
    this.sh = sh;
    n = sh.dimension();
    int[] starts = sh.columnStarts();
    int[] rows = sh.rowIndices();
    int nnz = starts[n];
    values = new double[nnz];
    full = new DMatrixSparseCSC(n, n, 0);
    full.col_idx = starts.clone();
    full.nz_rows = rows.clone();
    full.nz_values = values;
    full.nz_length = nnz;
    full.indicesSorted = true;
    toUpper = new int[nnz];
    diagonal = new int[n];
    int[] upStarts = new int[n + 1];
    int count = 0;
    for (int j = 0; j < n; j++) {
      upStarts[j] = count;
      for (int k = starts[j]; k < starts[j + 1]; k++) if (rows[k] < j) count++;
      count++; // the diagonal, from the pattern or added (then it stays zero until shifted)
    }
    upStarts[n] = count;
    int[] upRows = new int[count];
    int at = 0;
    for (int j = 0; j < n; j++) {
      for (int k = starts[j]; k < starts[j + 1]; k++) {
        toUpper[k] = -1;
        if (rows[k] < j) {
          toUpper[k] = at;
          upRows[at++] = rows[k];
        } else if (rows[k] == j) {
          toUpper[k] = at;
        }
      }
      diagonal[j] = at;
      upRows[at++] = j;
    }
    upper = new DMatrixSparseCSC(n, n, 0);
    upper.col_idx = upStarts;
    upper.nz_rows = upRows;
    upper.nz_values = new double[count];
    upper.nz_length = count;
    upper.indicesSorted = true;
    rhs = new DMatrixRMaj(n, 1);
    sol = new DMatrixRMaj(n, 1);
  }

  @Override
  boolean load(double[] x) {
    ev.hessians++;
    sh.values(x, values);
    return Vec.finite(values);
  }

  @Override
  double[] diagonalRange() {
    fillUpper(0);
    range[0] = Double.POSITIVE_INFINITY;
    range[1] = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      range[0] = Math.min(range[0], upper.nz_values[diagonal[j]]);
      range[1] = Math.max(range[1], upper.nz_values[diagonal[j]]);
    }
    return range;
  }

  private void fillUpper(double tau) {
    double[] u = upper.nz_values;
    java.util.Arrays.fill(u, 0);
    for (int k = 0; k < values.length; k++) if (toUpper[k] >= 0) u[toUpper[k]] = values[k];
    if (tau != 0) for (int j = 0; j < n; j++) u[diagonal[j]] += tau;
  }

  @Override
  boolean factorShifted(double tau) {
    fillUpper(tau);
    boolean ok = chol.setA(upper);
    chol.setStructureLocked(true); // the pattern never changes: analyse it once
    return ok;
  }

  @Override
  void solveFactored(double[] b) {
    solve(chol, b);
  }

  @Override
  boolean solveLu(double[] b) {
    if (lu == null) lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
    if (!lu.setA(full)) return false;
    solve(lu, b);
    return Vec.finite(b);
  }

  private void solve(LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver, double[] b) {
    System.arraycopy(b, 0, rhs.data, 0, n);
    solver.solve(rhs, sol);
    System.arraycopy(sol.data, 0, b, 0, n);
  }
}
