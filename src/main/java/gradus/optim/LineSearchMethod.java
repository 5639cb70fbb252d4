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

  /** Per-run state. */
  interface Driver {
    /** From {@code cur} (x, f, g), fills {@code next}; STALLED when no acceptable step exists. */
    Outcome step(Iterate cur, Iterate next);

    /** A sentence saying why the last step stalled. */
    default String stallReason() {
      return "the line search found no point with a sufficient decrease";
    }
  }

  abstract Driver newDriver(Evaluator ev, int n);
}
