package gradus.interp;

import gradus.compile.Interrupt;

/**
 * Ctrl-C inside the interpreter's own long loops (saving, sampling a function for a plot,
 * reading a CSV file): they poll the flag compiled code polls, {@link Interrupt#requested()}, and
 * stop with {@link Interrupt.Interrupted}, which {@link Session} reports as "interrupted".
 */
public final class Interrupts {
  private Interrupts() {}

  /** Throws {@link Interrupt.Interrupted} when Ctrl-C was pressed; a volatile read otherwise. */
  public static void check() {
    if (Interrupt.requested()) throw new Interrupt.Interrupted();
  }

  /** {@link #check()} once every 4096 calls of a hot loop, counted by {@code i}. */
  static void every(long i) {
    if ((i & 4095) == 0) check();
  }
}
