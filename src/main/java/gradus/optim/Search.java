package gradus.optim;

import java.util.List;

/**
 * What a global search returns: {@code best}, the result it reports (the best run's point, path
 * and value, with the search's method, label, status, message, total evaluations and time), and
 * {@code runs}, every run it tried, in the order it tried them.
 */
public record Search(Result best, List<Result> runs) {
  public Search {
    runs = List.copyOf(runs);
  }

  /** The run with the lowest finite f (the first of equals); null when none is finite. */
  static Result lowest(List<Result> runs) {
    Result best = null;
    for (Result r : runs) {
      if (Double.isFinite(r.f()) && (best == null || r.f() < best.f())) best = r;
    }
    return best;
  }

  /** {@code r} relabelled as the search's result. */
  static Result as(Result r, String method, String label, String status, String message,
      long evaluations, double time) {
    return new Result(r.x(), r.f(), r.grad(), r.gnorm(), r.iterations(), evaluations, status,
        message, r.path(), r.values(), method, label, time, r.batchLosses(), r.pathIterations(),
        r.hessianEvaluations(), r.epochs(), r.gnorms(), r.pathValues(), r.extras());
  }

  /** a's path followed by b's (b starts where a ends), with b's point, value and gradient. */
  static Result joined(Result a, Result b) {
    int na = a.path().length;
    int nb = b.path().length;
    double[][] path = new double[na + nb - 1][];
    double[] values = new double[na + nb - 1];
    double[] pathValues = new double[na + nb - 1];
    double[] gnorms = new double[na + nb - 1];
    long[] its = new long[na + nb - 1];
    for (int k = 0; k < na; k++) {
      path[k] = a.path()[k];
      values[k] = a.values()[k];
      pathValues[k] = a.pathValues()[k];
      gnorms[k] = a.gnorms()[k];
      its[k] = a.pathIterations()[k];
    }
    for (int k = 1; k < nb; k++) {
      path[na - 1 + k] = b.path()[k];
      values[na - 1 + k] = b.values()[k];
      pathValues[na - 1 + k] = b.pathValues()[k];
      gnorms[na - 1 + k] = b.gnorms()[k];
      its[na - 1 + k] = a.iterations() + b.pathIterations()[k];
    }
    return new Result(b.x(), b.f(), b.grad(), b.gnorm(), a.iterations() + b.iterations(),
        a.evaluations() + b.evaluations(), b.status(), b.message(), path, values, b.method(),
        b.label(), a.time() + b.time(), b.batchLosses(), its, b.hessianEvaluations(), 0, gnorms,
        pathValues);
  }

  static long evaluations(List<Result> runs) {
    long e = 0;
    for (Result r : runs) e += r.evaluations();
    return e;
  }

  /** How many runs ended within {@code 1e-6·max(1, |f|)} of the value f. */
  static int reached(List<Result> runs, double f) {
    int k = 0;
    for (Result r : runs) if (Math.abs(r.f() - f) <= 1e-6 * Math.max(1, Math.abs(f))) k++;
    return k;
  }

  static long count(List<Result> runs, String status) {
    return runs.stream().filter(r -> r.status().equals(status)).count();
  }

  static String plural(long k, String word) {
    return k + " " + word + (k == 1 ? "" : "s");
  }
}
