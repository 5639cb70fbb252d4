package gradus.cli;

import gradus.interp.Session;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.utils.Signals;

/**
 * Ctrl-C while a script runs: the first press stops it the way Ctrl-C stops a REPL line (an
 * optimization returns with status "interrupted", then the script ends with "interrupted" at the
 * statement running and exit status 130); a second press ends the process at once, for work that
 * does not look at the flag. Either way the shutdown hooks remove half-written files.
 */
final class ScriptSignals {
  private ScriptSignals() {}

  static void install(Session session) {
    AtomicInteger presses = new AtomicInteger();
    Signals.register("INT", () -> {
      if (presses.incrementAndGet() == 1) {
        session.interpreter().requestInterrupt();
        return;
      }
      session.err().println("gradus: interrupted");
      System.exit(Main.INTERRUPTED);
    });
  }
}
