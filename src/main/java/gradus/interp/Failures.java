package gradus.interp;

import gradus.compile.Interrupt;
import gradus.lang.GradusError;
import java.util.concurrent.CancellationException;

/**
 * The one translation of anything thrown while Gradus runs into a sentence for the user: every
 * {@link Throwable} that reaches {@link Session} or the command line goes through here, so no
 * input ends in a Java stack trace.
 */
public final class Failures {
  private Failures() {}

  /** The message of {@code t}: its own for a Gradus error, else what happened in plain words. */
  public static String describe(Throwable t) {
    if (t instanceof GradusError) return t.getMessage();
    if (t instanceof gradus.compile.EvaluationError) return t.getMessage();
    if (isInterrupt(t)) return "interrupted";
    if (t instanceof StackOverflowError) return "the computation is nested too deeply (the stack ran out)";
    if (t instanceof OutOfMemoryError) {
      return "out of memory: the computation needs more than the " + gigabytes(Runtime.getRuntime().maxMemory())
          + " GB the JVM may use";
    }
    return "internal error (a bug in Gradus; please report it): " + internal(t);
  }

  /** Ctrl-C, however it surfaced: from compiled code, a library's cancellation, a thread interrupt. */
  public static boolean isInterrupt(Throwable t) {
    return t instanceof gradus.sym.Cancel.Cancelled || t instanceof CancellationException || t instanceof InterruptedException;
  }

  private static String internal(Throwable t) {
    String m = t.getMessage();
    StringBuilder out = new StringBuilder(t.getClass().getSimpleName());
    if (m != null && !m.isBlank()) out.append(": ").append(m.strip());
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().startsWith("gradus.")) {
        out.append(" (at ").append(frame.getFileName()).append(':').append(frame.getLineNumber()).append(')');
        break;
      }
    }
    return out.toString();
  }

  private static String gigabytes(long bytes) {
    return gradus.sym.Numbers.format(Math.round(bytes / 1e8) / 10.0);
  }
}
