package gradus.optim;

import java.util.Arrays;
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
 * (added where the pattern has none); LU gets the whole pattern plus the diagonal. No
 * fill-reducing ordering: EJML 0.43 has none better than the natural order, which is right for
 * banded Hessians such as chained sums.
 */
final class SparseNewtonSystem extends NewtonSystem {
  private final Evaluator ev;
  private final SparseHessian sh;
  private final int n;
  private final int[] rows;
  /** The column of each pattern entry, and where column j's diagonal is in it (-1: none). */
  private final int[] cols;
  private final int[] diagEntry;
  private final double[] values;
  /** Upper triangle and diagonal, for Cholesky; where each pattern entry goes in it (or -1). */
  private final DMatrixSparseCSC upper;
  private final int[] toUpper;
  private final int[] diagonal;
  /** The pattern with the whole diagonal, for LU: where each pattern entry goes, the diagonal. */
  private final DMatrixSparseCSC full;
  private final int[] toFull;
  private final int[] fullDiagonal;
  private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> chol =
      LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
  private LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu;
  private final DMatrixRMaj rhs;
  private final DMatrixRMaj sol;
  private final double[] range = new double[2];
  /** The value a fixed coordinate's diagonal holds: the largest |h_ij|, so pivots stay sized. */
  private double unit = 1;

  SparseNewtonSystem(Evaluator ev, SparseHessian sh) {
    this.ev = ev;
    this.sh = sh;
    n = sh.dimension();
    int[] starts = sh.columnStarts();
    rows = sh.rowIndices();
    int nnz = starts[n];
    values = new double[nnz];
    cols = new int[nnz];
    diagEntry = new int[n];
    Arrays.fill(diagEntry, -1);
    for (int j = 0; j < n; j++) {
      for (int k = starts[j]; k < starts[j + 1]; k++) {
        cols[k] = j;
        if (rows[k] == j) diagEntry[j] = k;
      }
    }
    toUpper = new int[nnz];
    diagonal = new int[n];
    upper = withDiagonal(starts, true, toUpper, diagonal);
    toFull = new int[nnz];
    fullDiagonal = new int[n];
    full = withDiagonal(starts, false, toFull, fullDiagonal);
    rhs = new DMatrixRMaj(n, 1);
    sol = new DMatrixRMaj(n, 1);
  }

  /**
   * The pattern (its upper triangle only, if asked) with every diagonal entry, the one of the
   * pattern or an added one; {@code to[k]} is where entry k goes (-1 if left out) and
   * {@code diag[j]} where column j's diagonal is.
   */
  private DMatrixSparseCSC withDiagonal(int[] starts, boolean upperOnly, int[] to, int[] diag) {
    int[] outStarts = new int[n + 1];
    int count = 0;
    for (int j = 0; j < n; j++) {
      outStarts[j] = count;
      for (int k = starts[j]; k < starts[j + 1]; k++) {
        if (rows[k] < j || (!upperOnly && rows[k] > j)) count++;
      }
      count++; // the diagonal, from the pattern or added (then it stays zero until shifted)
    }
    outStarts[n] = count;
    int[] outRows = new int[count];
    int at = 0;
    for (int j = 0; j < n; j++) {
      boolean placed = false;
      for (int k = starts[j]; k < starts[j + 1]; k++) {
        to[k] = -1;
        if (rows[k] > j && !placed) { // rows are sorted: the diagonal goes before the first below
          diag[j] = at;
          outRows[at++] = j;
          placed = true;
        }
        if (rows[k] == j) {
          to[k] = at;
          diag[j] = at;
          outRows[at++] = j;
          placed = true;
        } else if (rows[k] < j || !upperOnly) {
          to[k] = at;
          outRows[at++] = rows[k];
        }
      }
      if (!placed) {
        diag[j] = at;
        outRows[at++] = j;
      }
    }
    DMatrixSparseCSC m = new DMatrixSparseCSC(n, n, 0);
    m.col_idx = outStarts;
    m.nz_rows = outRows;
    m.nz_values = new double[count];
    m.nz_length = count;
    m.indicesSorted = true;
    return m;
  }

  @Override
  boolean loadValues(double[] x) {
    ev.hessians++;
    sh.values(x, values);
    return Vec.finite(values);
  }

  @Override
  void masked() {
    unit = DenseLu.largest(values);
    if (!(unit > 0)) unit = 1;
  }

  @Override
  double[] diagonalRange() {
    range[0] = Double.POSITIVE_INFINITY;
    range[1] = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      if (!free(j)) continue;
      double h = diagEntry[j] < 0 ? 0 : values[diagEntry[j]];
      range[0] = Math.min(range[0], h);
      range[1] = Math.max(range[1], h);
    }
    return range;
  }

  /** m's values: the loaded H (fixed rows and columns out) plus τ on the free diagonal. */
  private void fill(DMatrixSparseCSC m, int[] to, int[] diag, double tau) {
    double[] u = m.nz_values;
    Arrays.fill(u, 0);
    for (int k = 0; k < values.length; k++) {
      if (to[k] >= 0 && (fixed == null || !fixed[rows[k]] && !fixed[cols[k]])) u[to[k]] = values[k];
    }
    for (int j = 0; j < n; j++) {
      if (free(j)) u[diag[j]] += tau;
      else u[diag[j]] = unit;
    }
  }

  @Override
  boolean factorShifted(double tau) {
    fill(upper, toUpper, diagonal, tau);
    boolean ok = chol.setA(upper);
    chol.setStructureLocked(true); // the pattern never changes: analyse it once
    return ok;
  }

  @Override
  void solveFactoredInPlace(double[] b) {
    solve(chol, b);
  }

  @Override
  boolean solveLuInPlace(double[] b) {
    if (lu == null) lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
    fill(full, toFull, fullDiagonal, 0);
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
