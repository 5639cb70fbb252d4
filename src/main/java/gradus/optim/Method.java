package gradus.optim;

/** A configured optimizer: immutable; each run makes its own state. */
public abstract class Method {
  private String description;

  Method(String description) {
    this.description = description;
  }

  /** The table name, e.g. {@code adam}. */
  public abstract String name();

  /** The call that made this method, with only the arguments given: {@code adam(lr=0.1)}. */
  public String describe() {
    return description;
  }

  /** True for L-BFGS, BFGS, CG and Newton: they refuse minibatches. */
  public boolean needsFullBatch() {
    return false;
  }

  public boolean needsHessian() {
    return false;
  }

  /** The update cap when {@code steps=} is not given ({@link RunOptions#DEFAULT_STEPS}). */
  long defaultSteps(int n) {
    return RunOptions.DEFAULT_STEPS;
  }

  /** The most objective evaluations a run may make (unlimited unless the method has a cap). */
  long evaluationLimit(int n, boolean stepsGiven) {
    return Long.MAX_VALUE;
  }

  /** Rejects an objective this method cannot run on, with a sentence saying why. */
  void check(Objective objective) {
    if (needsHessian() && !objective.hasHessian() && objective.sparseHessian() == null) {
      throw Check.bad(name() + " needs the Hessian, which this objective does not provide");
    }
  }

  /** The per-run state of this method, for a full-batch run in n variables. */
  abstract Driver newDriver(Evaluator ev, int n);

  @Override
  public String toString() {
    return describe();
  }

  Method describedAs(String text) {
    this.description = text;
    return this;
  }
}
