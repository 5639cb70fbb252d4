package gradus.compile;

/**
 * The compiler could not produce code for a function (a limit of the JVM, or a bug). There is no
 * silent slow path: the error reaches the user, naming the function.
 */
public final class CompileError extends RuntimeException {
  public CompileError(String message, Throwable cause) {
    super(message, cause);
  }
}
