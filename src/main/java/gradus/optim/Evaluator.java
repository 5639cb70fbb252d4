package gradus.optim;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts objective-and-gradient evaluations for a run, and carries its interrupt flag so that
 * loops inside a step (conjugate gradients) can stop on Ctrl-C too.
 */
final class Evaluator {
  final Objective objective;
  private final AtomicBoolean interrupt;
  long evaluations;
  long hessians;
  /** The box of a bounded run, or null; line-search methods keep their iterates inside it. */
  Bounds bounds;
  /** The most evaluations the method may make ({@link Method#evaluationLimit}). */
  long limit = Long.MAX_VALUE;
  /** The run's budget of evaluations ({@code budget=}): one more throws {@link BudgetSpent}. */
  long budget = Long.MAX_VALUE;
  /** The noise a first-order method adds to the gradients it sees ({@code noise=}), or null. */
  Noise noise;

  /** Thrown instead of an evaluation past the budget; the run ends at its last accepted iterate. */
  static final class BudgetSpent extends RuntimeException {
    BudgetSpent() {
      super("the evaluation budget is spent", null, false, false);
    }
  }

  Evaluator(Objective objective) {
    this(objective, null);
  }

  Evaluator(Objective objective, AtomicBoolean interrupt) {
    this.objective = objective;
    this.interrupt = interrupt;
  }

  boolean interrupted() {
    return interrupt != null && interrupt.getOpaque();
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
