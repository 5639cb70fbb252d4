package gradus.cli;

import gradus.interp.Printer;
import gradus.interp.Session;
import java.io.PrintStream;

/** In the REPL, a bare expression's value is printed (nothing for {@code print(...)}). */
final class ReplEcho {
  private ReplEcho() {}

  static void install(Session session, PrintStream out) {
    session.interpreter().setEcho(v -> {
      out.println(Printer.print(v));
      out.flush();
    });
  }
}
