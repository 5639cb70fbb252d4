package gradus.io;

import java.io.IOException;

/**
 * Standard output could not be written (a closed pipe, a full disk). Unchecked so that it passes
 * through {@link java.io.PrintStream}, which would otherwise swallow the error and let a run go
 * on computing for no one; the command line catches it and ends the run with exit status 1.
 */
public final class OutputFailure extends RuntimeException {
  public OutputFailure(IOException cause) {
    super(IoErrors.reason(cause), cause, false, false);
  }

  /** Why the write failed, e.g. "broken pipe", "no space left on device". */
  public String reason() {
    return getMessage();
  }
}
