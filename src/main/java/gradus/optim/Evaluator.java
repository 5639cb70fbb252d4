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
    evaluations++;
    return objective.valueAndGradient(x, g);
  }

  void hessian(double[] x, double[] h) {
    hessians++;
    objective.hessian(x, h);
  }
}
