package gradus.interp;

import gradus.io.OutputFailure;
import gradus.lang.Diagnostics;
import gradus.lang.GradusError;
import gradus.lang.Parse;
import gradus.lang.Span;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one entry point for script files, {@code -e} code, REPL lines and notebook cells: parse
 * all, report every syntax error, else run until the first runtime error. Errors never escape as
 * Java exceptions.
 */
public final class Session {
  private final Interpreter interp;
  private final PrintStream err;
  /** Receives each error instead of {@code err} when set (the notebook kernel's error replies). */
  private Consumer<Report> errorSink;

  /** As javac does: past this many, a count stands for the rest. */
  static final int MAX_SYNTAX_ERRORS = 100;

  /**
   * One reported error: {@code text} is the SPEC §1 form (location line, source line, caret);
   * {@code syntax} is true when the source did not parse, so nothing of it ran.
   */
  public record Report(String message, String text, boolean syntax) {}

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

  public void setErrorSink(Consumer<Report> sink) {
    this.errorSink = sink;
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
        for (GradusError e : errors.subList(0, shown)) report(fileName, source, e.span(), e.getMessage(), true);
        if (errors.size() > shown) {
          report(fileName, source, null, (errors.size() - shown) + " more syntax errors are not shown", true);
        }
        return false;
      }
      interp.execute(parsed.statements());
      return true;
    } catch (OutputFailure e) {
      throw e; // standard output is gone: the whole run ends, see gradus.cli.Main
    } catch (GradusError e) {
      report(fileName, source, e.span().line() > 0 ? e.span() : currentSpan(), e.getMessage(), false);
    } catch (Throwable e) {
      report(fileName, source, currentSpan(), Failures.describe(e), false);
    } finally {
      interp.current = null;
    }
    return false;
  }

  private Span currentSpan() {
    return interp.current == null ? Span.NONE : interp.current.span();
  }

  public void report(String fileName, String source, Span span, String message) {
    report(fileName, source, span, message, false);
  }

  private void report(String fileName, String source, Span span, String message, boolean syntax) {
    String text = Diagnostics.format(fileName, source, span, message);
    if (errorSink != null) {
      errorSink.accept(new Report(message, text, syntax));
      return;
    }
    reportLines(text);
  }

  /** Prints an error already in SPEC §1's form (a file that could not be read, say). */
  public void reportLines(String formatted) {
    err.println(formatted);
    err.flush();
  }
}
