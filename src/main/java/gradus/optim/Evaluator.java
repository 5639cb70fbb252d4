package gradus.optim;

/** Counts objective-and-gradient evaluations for a run. */
final class Evaluator {
  final Objective objective;
  long evaluations;
  long hessians;
  /** The box of a bounded run, or null; line-search methods keep their iterates inside it. */
  Bounds bounds;
  /** The most evaluations the method may make ({@link Method#evaluationLimit}). */
  long limit = Long.MAX_VALUE;
  /** The run's budget of evaluations ({@code budget=}): one more throws {@link BudgetSpent}. */
  long budget = Long.MAX_VALUE;

  /** Thrown instead of an evaluation past the budget; the run ends at its last accepted iterate. */
  static final class BudgetSpent extends RuntimeException {
    BudgetSpent() {
      super("the evaluation budget is spent", null, false, false);
    }
  }

  Evaluator(Objective objective) {
    this.objective = objective;
  }

  double eval(double[] x, double[] g) {
    spend();
    return objective.valueAndGradient(x, g);
  }

  /** f(x) alone, counted like {@link #eval}: for methods that use function values only. */
  double value(double[] x) {
    spend();
    return objective.value(x);
  }

  private void spend() {
    if (evaluations >= budget) throw new BudgetSpent();
    evaluations++;
  }

  /** Whether the budget allows {@code k} more evaluations. */
  boolean allows(long k) {
    return evaluations + k <= budget;
  }

  void hessian(double[] x, double[] h) {
    hessians++;
    objective.hessian(x, h);
  }
}
