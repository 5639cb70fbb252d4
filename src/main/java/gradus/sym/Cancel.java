package gradus.sym;

/**
 * Ctrl-C for the symbolic passes: declaring, simplifying and differentiating a body of tens of
 * thousands of terms takes seconds, so node creation ({@link Sym}'s hash-consing) and the walks
 * over a body look at this flag and stop with {@link Cancelled}. It is the one flag for Ctrl-C:
 * {@code compile.Interrupt} sets, clears and polls it for compiled code, and its exception is a
 * Cancelled too.
 */
public final class Cancel {
  private Cancel() {}

  public static volatile boolean requested;

  /** Throws {@link Cancelled} when Ctrl-C was pressed; a volatile read otherwise. */
  public static void check() {
    if (requested) throw new Cancelled();
  }

  /** Work stopped by Ctrl-C; nothing it was building is kept. */
  public static class Cancelled extends RuntimeException {
    public Cancelled() {
      super("interrupted", null, false, false);
    }
  }
}
