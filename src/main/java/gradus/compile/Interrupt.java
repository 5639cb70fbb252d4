package gradus.compile;

import gradus.sym.Cancel;

/**
 * Ctrl-C for compiled code: every generated loop polls {@link Runtime#poll} once per block of
 * iterations, which throws {@link Interrupted} when Ctrl-C was pressed, so Ctrl-C also stops the
 * evaluation of a heavy function. The flag is the one the symbolic passes poll ({@link Cancel}):
 * whoever handles Ctrl-C sets it; whoever starts new work clears it.
 */
public final class Interrupt {
  private Interrupt() {}

  public static boolean requested() {
    return Cancel.requested;
  }

  public static void request() {
    Cancel.requested = true;
  }

  public static void clear() {
    Cancel.requested = false;
  }

  /** Thrown out of compiled code when Ctrl-C was pressed. */
  public static final class Interrupted extends Cancel.Cancelled {}
}
