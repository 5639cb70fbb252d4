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

  /** Set for the run that records a Hessian's pattern (at x = 0, fields 0): no index is a user's then. */
  boolean recordingPattern;

  /**
   * A checked read of a local array (see {@link Runtime#at}); while the pattern is recorded, a
   * data-field index (0 then) reads the first entry instead: the pattern depends on sum indices
   * only, and the values of that run are not used.
   */
  protected final int at(double k, int lo, int n, int base, String read, String shape, int row) {
    return recordingPattern ? base : Runtime.at(k, lo, n, base, read, shape, row);
  }

  protected final int at(double r, double c, int lo1, int n1, int lo2, int n2, int base, String read, String shape, int row) {
    return recordingPattern ? base : Runtime.at(r, c, lo1, n1, lo2, n2, base, read, shape, row);
  }

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
