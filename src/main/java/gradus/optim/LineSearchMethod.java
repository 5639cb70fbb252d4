package gradus.optim;

/**
 * The base of the full-batch methods (Newton, Newton-CG, BFGS, L-BFGS, CG): each iteration picks
 * a direction and searches along it, so one iteration may evaluate the objective several times.
 */
public abstract class LineSearchMethod extends Method {
  LineSearchMethod(String description) {
    super(description);
  }

  @Override
  public boolean needsFullBatch() {
    return true;
  }

  /** Largest dimension for methods that store a dense n×n matrix (200 MB of doubles). */
  static final int MAX_DENSE = 5000;

  static void checkDense(String name, int n, String instead) {
    if (n > MAX_DENSE) {
      throw Check.bad(name + " stores a dense " + n + "x" + n + " matrix, too large for " + n
          + " variables (at most " + MAX_DENSE + "); " + instead);
    }
  }
}
