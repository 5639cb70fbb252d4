package gradus.compile;

import java.util.Arrays;

/**
 * The superclass of every generated class. Generated methods read the call's inputs from these
 * fields, keep the values of array scopes in {@code s}, and write their output into {@code g}
 * (a vector), {@code hv} (Hessian values, in the order {@code ho} of the recorded pattern) or
 * the pattern recorder. One instance per thread: it is not thread-safe.
 */
public abstract class Generated {
  protected double[] s;
  /** The program's numbers when there are too many for the class's constant pool (else null). */
  protected double[] k;
  protected double[] x;
  protected double[] f;
  protected double[] v;
  protected double[] g;
  protected int off;
  protected double[] hv;
  protected int[] ho;
  protected int hk;
  private int[] rows = new int[16];
  private int[] cols = new int[16];
  private int count;

  /** Runs the program; returns its value (0 when it has none). */
  protected abstract double run();

  final void scratch(int n) {
    s = new double[Math.max(1, n)];
  }

  /**
   * Called by a Hessian program for every scatter-add. Its first run (no order yet) records where
   * each add lands; every later run adds into the entry the recorded order names. It is the same
   * program both times, so the k-th add of every run is the same entry.
   */
  protected final void pair(int row, int col, double value) {
    if (ho == null) record(row, col);
    else hv[ho[hk++]] += value;
  }

  private void record(int row, int col) {
    if (count == rows.length) {
      rows = Arrays.copyOf(rows, count * 2);
      cols = Arrays.copyOf(cols, count * 2);
    }
    rows[count] = row;
    cols[count] = col;
    count++;
  }

  final int recorded() {
    return count;
  }

  final int[] recordedRows() {
    return Arrays.copyOf(rows, count);
  }

  final int[] recordedCols() {
    return Arrays.copyOf(cols, count);
  }
}
