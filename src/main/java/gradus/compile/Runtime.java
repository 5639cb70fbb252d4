package gradus.compile;

import gradus.sym.Numbers;

/**
 * The checks generated code calls (rules about indices, not about mathematics: every number
 * comes from {@link gradus.sym.Fns}). Errors are {@link IllegalArgumentException}s with a message
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
      throw new IllegalArgumentException("the index into " + name + " must be a whole number, got " + Numbers.format(k));
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

  /** {@code a[slot]}, or nan for the slot -1 of an element out of range. */
  public static double read(double[] a, int slot) {
    return slot < 0 ? Double.NaN : a[slot];
  }

  private static IllegalArgumentException outOfRange(String k, int size, String name) {
    return new IllegalArgumentException("index " + k + " is out of range for " + name + "[" + size
        + "] (valid: 1.." + size + ")");
  }

  /** An inclusive loop bound. */
  public static int bound(double v) {
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE - 1) {
      throw new IllegalArgumentException("a bound of sum or prod must be a whole number, got " + Numbers.format(v));
    }
    return (int) v;
  }

  /** Called by a loop every 1024 iterations: stops compiled code on Ctrl-C. */
  public static void poll() {
    if (Interrupt.requested) throw new Interrupt.Interrupted();
  }
}
