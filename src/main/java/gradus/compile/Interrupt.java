package gradus.compile;

/**
 * The one flag that stops compiled code: every generated loop polls it once per block of
 * iterations and throws {@link Interrupted} when it is set, so Ctrl-C also stops the evaluation
 * of a heavy function. Whoever handles Ctrl-C sets it; whoever starts new work clears it.
 */
public final class Interrupt {
  private Interrupt() {}

  /** Read by generated code (GETSTATIC), so it is a plain volatile field. */
  public static volatile boolean requested;

  public static void request() {
    requested = true;
    gradus.sym.Cancel.requested = true;
  }

  public static void clear() {
    requested = false;
    gradus.sym.Cancel.requested = false;
  }

  /** Thrown out of compiled code when {@link #requested} is seen. */
  public static final class Interrupted extends gradus.sym.Cancel.Cancelled {}
}
