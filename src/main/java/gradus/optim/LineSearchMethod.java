package gradus.optim;

/**
 * The base of the full-batch methods (Newton, BFGS, L-BFGS, CG): each iteration picks a
 * direction and searches along it, so one iteration may evaluate the objective several times.
 */
public abstract class LineSearchMethod extends Method {
  LineSearchMethod(String description) {
    super(description);
  }

  @Override
  public boolean needsFullBatch() {
    return true;
  }

  enum Outcome { OK, STALLED }

  /** A stop decided by a driver's own rule: a {@link Result} status and its message. */
  record Stop(String status, String message) {}

  /** Per-run state. */
  interface Driver {
    /** From {@code cur} (x, f, g), fills {@code next}; STALLED when no acceptable step exists. */
    Outcome step(Iterate cur, Iterate next);

    /** A sentence saying why the last step stalled. */
    default String stallReason() {
      return "the line search found no point with a sufficient decrease";
    }

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

  abstract Driver newDriver(Evaluator ev, int n);

  /** Largest dimension for methods that store a dense n×n matrix (200 MB of doubles). */
  static final int MAX_DENSE = 5000;

  /** Rejects a dimension the method cannot handle; the default accepts any. */
  void checkDimension(int n) {}

  static void checkDense(String name, int n) {
    if (n > MAX_DENSE) {
      throw Check.bad(name + " stores a dense " + n + "x" + n + " matrix, too large for " + n
          + " variables (at most " + MAX_DENSE + "); use lbfgs or cg");
    }
  }
}
