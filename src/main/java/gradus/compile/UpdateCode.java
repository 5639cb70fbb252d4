package gradus.compile;

import java.util.Arrays;

/**
 * The superclass of every compiled update ({@link UpdateCompiler}); one instance per run, holding
 * that run's states. A state the same at every coordinate (its start and its update read no
 * coordinate, as a running product of scalars) is held as one number in {@code u}; every other
 * state as an array in {@code a}.
 */
public abstract class UpdateCode {
  /** The per-coordinate states, by state number (null for a state held in {@code u}). */
  protected double[][] a;
  /** The states held as one number, by state number. */
  protected double[] u;
  protected int n;

  final void allocate(int n, boolean[] perCoordinate) {
    this.n = n;
    a = new double[perCoordinate.length][];
    u = new double[perCoordinate.length];
    for (int k = 0; k < perCoordinate.length; k++) if (perCoordinate[k]) a[k] = new double[n];
  }

  /** Sets every state to its start value at the start point x with gradient g. */
  public abstract void start(double[] x, double[] g);

  /**
   * One update: writes the new point into {@code out} (which may be {@code x}) and updates the
   * states. {@code g} is the gradient the optimizer sees at x, f the value, lr the rate of update
   * t (1-based). Coordinate i of out is written after everything read at coordinate i.
   */
  public abstract void update(double[] x, double[] g, double f, double lr, double t, double[] out);

  /** The number of states. */
  public final int states() {
    return u.length;
  }

  /** Whether state k is held per coordinate (else it is one number, {@link #scalar}). */
  public final boolean perCoordinate(int k) {
    return a[k] != null;
  }

  /** State k's value when it is one number. */
  public final double scalar(int k) {
    return u[k];
  }

  /** How many numbers state k has: n when it is held per coordinate, else 1. */
  public final int width(int k) {
    return a[k] != null ? n : 1;
  }

  /** Copies state k's {@link #width} numbers into {@code into} from {@code off}. */
  public final void copyState(int k, double[] into, int off) {
    if (a[k] != null) System.arraycopy(a[k], 0, into, off, n);
    else into[off] = u[k];
  }

  /** Copies state k's values at every coordinate into {@code into} (n numbers). */
  public final void copyState(int k, double[] into) {
    if (a[k] != null) System.arraycopy(a[k], 0, into, 0, n);
    else Arrays.fill(into, 0, n, u[k]);
  }
}
