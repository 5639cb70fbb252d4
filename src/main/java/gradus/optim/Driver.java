package gradus.optim;

/**
 * The per-run state of a method in a full-batch run: it makes the next iterate from the current
 * one. {@link Minimizer} owns the loop, the stopping tests and the accounting; a driver owns only
 * its method's arithmetic, allocated once when the run starts.
 */
interface Driver extends States {
  enum Outcome {
    /** {@code next} holds a new point with its value and gradient. */
    OK,
    /** No acceptable step exists; {@link #stallReason()} says why. */
    STALLED,
    /** {@code next.x} holds a new point for the caller to check and evaluate (first-order). */
    EVALUATE
  }

  /**
   * From {@code cur} (x, f, g) makes update number {@code t} (1-based) into {@code next}: x, f
   * and g, or only x ({@code EVALUATE}); the caller fills in {@code next.gnorm}. (A first-order
   * step leaves the evaluation to the caller so that the small update inlines into its loop.)
   */
  Outcome step(Iterate cur, Iterate next, long t);

  /**
   * Called once, with the evaluated start, before the first step when the start is finite (an
   * optimizer written in Gradus sets its states from the start point and its gradient).
   */
  default void begin(Iterate start) {}

  /** A sentence saying why the last step stalled. */
  default String stallReason() {
    return "the line search found no point with a sufficient decrease";
  }

  /** The learning rate of the last update, or NaN for methods that search for their step. */
  default double rate() {
    return Double.NaN;
  }

  /** The multiple of I added to the Hessian in the last step (Newton), or NaN. */
  default double shift() {
    return Double.NaN;
  }

  /** A stop decided by a driver's own rule: a {@link Result} status and its message. */
  record Stop(String status, String message) {}

  /**
   * A stopping rule of the driver's own, checked before each step after the interrupt (Nelder–
   * Mead's simplex test and evaluation cap); null to go on.
   */
  default Stop before(Iterate cur) {
    return null;
  }

  /** False for a method that never reads the gradient: the gtol test is then not made. */
  default boolean usesGradient() {
    return true;
  }
}
