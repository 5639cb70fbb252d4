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

  Evaluator(Objective objective) {
    this.objective = objective;
  }

  double eval(double[] x, double[] g) {
    evaluations++;
    return objective.valueAndGradient(x, g);
  }

  /** f(x) alone, counted like {@link #eval}: for methods that use function values only. */
  double value(double[] x) {
    evaluations++;
    return objective.value(x);
  }

  void hessian(double[] x, double[] h) {
    hessians++;
    objective.hessian(x, h);
  }
}
