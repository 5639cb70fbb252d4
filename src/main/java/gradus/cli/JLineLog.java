package gradus.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * JLine reports its troubles through java.util.logging, whose console handler prints a stack
 * trace. Here each distinct warning becomes one {@code gradus: ...} line, printed once.
 */
final class JLineLog {
  private JLineLog() {}

  /** Kept so that the logger, and the handler on it, are not garbage-collected. */
  private static final Logger JLINE = Logger.getLogger("org.jline");

  static void oneLine(PrintStream err) {
    Set<String> seen = new HashSet<>();
    JLINE.setUseParentHandlers(false);
    JLINE.addHandler(new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() < Level.WARNING.intValue()) return;
        String text = r.getMessage() + (r.getThrown() != null && r.getThrown().getMessage() != null
            ? ": " + r.getThrown().getMessage() : "");
        if (seen.add(text)) err.println("gradus: " + text);
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {
        flush();
      }
    });
  }
}
