package gradus.cli;

import gradus.interp.Printer;
import gradus.optim.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The progress line of a long run on a terminal: after two seconds, {@code adam(lr=0.1):
 * iteration 1234567  f = 0.123457  gnorm = 0.00123  3.2 s} on one line of standard error,
 * rewritten in place ({@code \r}) as the run goes and erased when it ends. Shown in the REPL and
 * in scripts whose standard error is a terminal — never in a pipe or a file.
 */
final class ProgressLine implements Progress {
  static final long DELAY_NANOS = 2_000_000_000L;
  /** Erases from the cursor to the end of the line (ANSI EL). */
  private static final String ERASE = "\u001B[K";

  private final PrintStream err;
  private final String label;
  private final int width;
  private final long start;
  private boolean shown;

  ProgressLine(PrintStream err, String label, int width) {
    this(err, label, width, System.nanoTime());
  }

  /** {@code start} is the run's start on {@link System#nanoTime}'s clock. */
  ProgressLine(PrintStream err, String label, int width, long start) {
    this.err = err;
    this.label = label;
    this.width = Math.max(20, width);
    this.start = start;
  }

  /** Progress lines of width {@code width} on {@code err}, one per run. */
  static Function<String, Progress> on(PrintStream err, int width) {
    return label -> new ProgressLine(err, label, width);
  }

  @Override
  public void update(long iteration, double f, double gnorm) {
    long elapsed = System.nanoTime() - start;
    if (elapsed < DELAY_NANOS) return;
    String text = text(label, iteration, f, gnorm, elapsed / 1e9);
    if (text.length() + HINT.length() <= width - 1) text += HINT;
    else if (text.length() > width - 1) text = text.substring(0, width - 2) + "…";
    err.print("\r" + text + ERASE);
    err.flush();
    shown = true;
  }

  /** Shown after the numbers when the line has room for it. */
  static final String HINT = "  (Ctrl-C stops it)";

  static String text(String label, long iteration, double f, double gnorm, double seconds) {
    return label + ": iteration " + iteration + "  f = " + Printer.compact(f, 6) + "  gnorm = "
        + Printer.compact(gnorm, 3) + "  " + Printer.compact(seconds, 2) + " s";
  }

  @Override
  public void done() {
    if (!shown) return;
    err.print("\r" + ERASE);
    err.flush();
    shown = false;
  }

  /**
   * Whether standard error is a terminal. Java can tell this only for standard input and output
   * together ({@code System.console()}), so on Linux ask where file descriptor 2 points.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false; // not Linux, or no /proc: show no progress rather than garble a file
    }
  }

  /** The terminal's width from $COLUMNS, else 80. */
  static int columns() {
    try {
      String c = System.getenv("COLUMNS");
      return c == null ? 80 : Integer.parseInt(c.strip());
    } catch (NumberFormatException e) {
      return 80;
    }
  }
}
