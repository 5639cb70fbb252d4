package gradus.optim;

/** Counts objective-and-gradient evaluations for a run. */
final class Evaluator {
  final Objective objective;
  long evaluations;
  long hessians;
  /** The box of a bounded run, or null; line-search methods keep their iterates inside it. */
  Bounds bounds;

  Evaluator(Objective objective) {
    this.objective = objective;
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
