package gradus.interp;

import gradus.lang.Diagnostics;
import gradus.lang.GradusError;
import gradus.lang.Parse;
import gradus.lang.Span;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The one entry point for script files, {@code -e} code and REPL lines: parse all, report every
 * syntax error, else run until the first runtime error. Errors never escape as Java exceptions.
 */
public final class Session {
  private final Interpreter interp;
  private final PrintStream err;
  /** Receives each error instead of {@code err} when set (the notebook kernel's error replies). */
  private Consumer<Report> errorSink;

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

  public void setErrorSink(Consumer<Report> sink) {
    this.errorSink = sink;
  }

  /** Runs {@code source}; returns true when it ran without error. */
  public boolean run(String source, String fileName) {
    Parse.Result parsed = Parse.program(source);
    if (!parsed.errors().isEmpty()) {
      for (GradusError e : parsed.errors()) report(fileName, source, e.span(), e.getMessage(), true);
      return false;
    }
    try {
      interp.execute(parsed.statements());
      return true;
    } catch (GradusError e) {
      report(fileName, source, e.span().line() > 0 ? e.span() : currentSpan(), e.getMessage());
    } catch (StackOverflowError e) {
      report(fileName, source, currentSpan(), "the computation is nested too deeply (stack exhausted)");
    } catch (OutOfMemoryError e) {
      report(fileName, source, currentSpan(), "out of memory: the computation is too large");
    } catch (RuntimeException e) {
      report(fileName, source, currentSpan(), "internal error: " + describe(e));
    }
    interp.current = null;
    return false;
  }

  private Span currentSpan() {
    return interp.current == null ? Span.NONE : interp.current.span();
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
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
    err.println(text);
    err.flush();
  }
}
