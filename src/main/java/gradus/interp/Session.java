package gradus.interp;

import gradus.io.OutputFailure;
import gradus.lang.Diagnostics;
import gradus.lang.GradusError;
import gradus.lang.Parse;
import gradus.lang.Span;
import java.io.PrintStream;
import java.util.List;

/**
 * The one entry point for script files, {@code -e} code and REPL lines: parse all, report every
 * syntax error, else run until the first runtime error. Errors never escape as Java exceptions.
 */
public final class Session {
  private final Interpreter interp;
  private final PrintStream err;

  /** As javac does: past this many, a count stands for the rest. */
  static final int MAX_SYNTAX_ERRORS = 100;

  public Session(PrintStream out, PrintStream err) {
    this.interp = new Interpreter(out);
    this.err = err;
  }

  public Interpreter interpreter() {
    return interp;
  }

  /** Where errors go. */
  public PrintStream err() {
    return err;
  }

  /**
   * Runs {@code source}; returns true when it ran without error. A Ctrl-C from before this run
   * (one that came after the work it was meant for had finished) is forgotten first.
   */
  public boolean run(String source, String fileName) {
    interp.clearInterrupt();
    try {
      Parse.Result parsed = Parse.program(source);
      List<GradusError> errors = parsed.errors();
      if (!errors.isEmpty()) {
        int shown = Math.min(errors.size(), MAX_SYNTAX_ERRORS);
        for (GradusError e : errors.subList(0, shown)) report(fileName, source, e.span(), e.getMessage());
        if (errors.size() > shown) {
          report(fileName, source, null, (errors.size() - shown) + " more syntax errors are not shown");
        }
        return false;
      }
      interp.execute(parsed.statements());
      return true;
    } catch (OutputFailure e) {
      throw e; // standard output is gone: the whole run ends, see gradus.cli.Main
    } catch (GradusError e) {
      report(fileName, source, e.span().line() > 0 ? e.span() : currentSpan(), e.getMessage());
    } catch (Throwable e) {
      report(fileName, source, currentSpan(), Failures.describe(e));
    } finally {
      interp.current = null;
    }
    return false;
  }

  private Span currentSpan() {
    return interp.current == null ? Span.NONE : interp.current.span();
  }

  public void report(String fileName, String source, Span span, String message) {
    reportLines(Diagnostics.format(fileName, source, span, message));
  }

  /** Prints an error already in SPEC §1's form (a file that could not be read, say). */
  public void reportLines(String formatted) {
    err.println(formatted);
    err.flush();
  }
}
