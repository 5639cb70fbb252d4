package gradus.compile;

import gradus.sym.Numbers;

/**
 * The checks generated code calls (rules about indices, not about mathematics: every number
 * comes from {@link gradus.sym.Fns}). Errors are {@link EvaluationError}s with a message
 * for the user.
 */
public final class Runtime {
  private Runtime() {}

  /** The flat slot {@code base + k - 1} of element k (1-based) of a vector of {@code size}. */
  public static int slot(long k, int size, int base, String name) {
    if (k < 1 || k > size) throw outOfRange(Long.toString(k), size, name);
    return base + (int) k - 1;
  }

  public static int slot(double k, int size, int base, String name) {
    if (k != Math.rint(k)) {
      throw new EvaluationError("the index into " + name + " must be a whole number, got " + Numbers.format(k));
    }
    if (k < 1 || k > size) throw outOfRange(Numbers.format(k), size, name);
    return base + (int) k - 1;
  }

  /** As {@link #slot(long, int, int, String)}, or -1 out of range (a where() branch not taken). */
  public static int slotOrNone(long k, int size, int base) {
    return k < 1 || k > size ? -1 : base + (int) k - 1;
  }

  public static int slotOrNone(double k, int size, int base) {
    return k != Math.rint(k) || k < 1 || k > size ? -1 : base + (int) k - 1;
  }

  /** The flat slot of {@code W[r, c]} (1-based, row-major) in a matrix of rows × cols at base. */
  public static int slot2(long r, long c, int rows, int cols, int base, String shape) {
    dim(r, rows, 0, shape);
    dim(c, cols, 1, shape);
    return base + (int) (r - 1) * cols + (int) c - 1;
  }

  public static int slot2(double r, double c, int rows, int cols, int base, String shape) {
    return slot2(whole(r, shape), whole(c, shape), rows, cols, base, shape);
  }

  public static int slot2OrNone(long r, long c, int rows, int cols, int base) {
    if (r < 1 || r > rows || c < 1 || c > cols) return -1;
    return base + (int) (r - 1) * cols + (int) c - 1;
  }

  public static int slot2OrNone(double r, double c, int rows, int cols, int base) {
    if (r != Math.rint(r) || c != Math.rint(c)) return -1;
    return slot2OrNone((long) Math.max(-1, Math.min(r, Integer.MAX_VALUE)), (long) Math.max(-1, Math.min(c, Integer.MAX_VALUE)), rows, cols, base);
  }

  /** Index d (0: the row, 1: the column) of a matrix element, checked against its extent. */
  public static int dim(long k, int size, int d, String shape) {
    if (k < 1 || k > size) {
      throw new EvaluationError("the " + (d == 0 ? "row" : "column") + " index " + k + " is out of range for "
          + shape + " (valid: 1.." + size + ")");
    }
    return (int) k;
  }

  private static long whole(double k, String name) {
    if (k != Math.rint(k)) {
      throw new EvaluationError("the index into " + name + " must be a whole number, got " + Numbers.format(k));
    }
    return (long) Math.max(Long.MIN_VALUE / 2, Math.min(k, Long.MAX_VALUE / 2));
  }

  /**
   * The scratch slot of entry k of a local array over lo..lo+n-1 at base; out of range, an error
   * naming the read, the array's shape and (when the index comes from a data field) the row.
   */
  public static int at(double k, int lo, int n, int base, String read, String shape, int row) {
    return base + offset(k, lo, n, read, shape, row);
  }

  public static int at(double r, double c, int lo1, int n1, int lo2, int n2, int base, String read, String shape, int row) {
    return base + offset(r, lo1, n1, read, shape, row) * n2 + offset(c, lo2, n2, read, shape, row);
  }

  public static int atOrNone(double k, int lo, int n, int base) {
    return k != Math.rint(k) || k < lo || k > lo + n - 1 ? -1 : base + (int) k - lo;
  }

  public static int atOrNone(double r, double c, int lo1, int n1, int lo2, int n2, int base) {
    if (r != Math.rint(r) || r < lo1 || r > lo1 + n1 - 1 || c != Math.rint(c) || c < lo2 || c > lo2 + n2 - 1) return -1;
    return base + ((int) r - lo1) * n2 + (int) c - lo2;
  }

  private static int offset(double k, int lo, int n, String read, String shape, int row) {
    if (k == Math.rint(k) && k >= lo && k <= lo + n - 1) return (int) k - lo;
    String what = k != Math.rint(k) ? "reads at " + Numbers.format(k) + ", not a whole number"
        : "reads index " + Numbers.format(k) + ", out of range for " + shape + " (valid: " + lo + ".." + (lo + n - 1) + ")";
    throw new EvaluationError(read + " " + what, row);
  }

  /** {@code a[slot]}, or nan for the slot -1 of an element out of range. */
  public static double read(double[] a, int slot) {
    return slot < 0 ? Double.NaN : a[slot];
  }

  private static EvaluationError outOfRange(String k, int size, String name) {
    return new EvaluationError("index " + k + " is out of range for " + name + "[" + size
        + "] (valid: 1.." + size + ")");
  }

  /** An inclusive loop bound. */
  public static int bound(double v) {
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE - 1) {
      throw new EvaluationError("a bound of sum or prod must be a whole number, got " + Numbers.format(v));
    }
    return (int) v;
  }

  /** Called by a loop every 1024 iterations: stops compiled code on Ctrl-C. */
  public static void poll() {
    if (Interrupt.requested()) throw new Interrupt.Interrupted();
  }
}
