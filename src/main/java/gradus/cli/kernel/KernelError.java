package gradus.cli.kernel;

/** A reason the kernel cannot start or install, worded for the user (printed after "gradus: "). */
public final class KernelError extends RuntimeException {
  public KernelError(String message) {
    super(message, null, false, false);
  }
}
