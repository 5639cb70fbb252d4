package gradus.optim;

/**
 * The outcome of one run (SPEC §6). {@code gnorm} is the infinity norm of the objective's gradient
 * at {@code x} (weight decay not included). {@code path} holds the kept iterates, start first and
 * last iterate last; {@code pathIterations} their iteration numbers. In a full-batch run
 * {@code values[i]} is f at {@code path[i]} and {@code gnorms[i]} its gradient's infinity norm;
 * in a data run {@code gnorms} is parallel to {@code values}; in a data run {@code values} holds the full-data loss
 * at the start and after each epoch, {@code batchLosses} the loss of each minibatch (else empty).
 * {@code pathValues[i]} is f at {@code path[i]} in every run: in a data run the full-data loss
 * where it is known (the start, the end of each epoch, the last iterate), NaN elsewhere.
 * {@code status} is one of converged, max_steps, diverged, stalled, interrupted. {@code extras}
 * holds, row for row with the path, each kept iterate's evaluation count and the recorded states.
 */
public record Result(double[] x, double f, double[] grad, double gnorm, long iterations,
    long evaluations, String status, String message, double[][] path, double[] values,
    String method, String label, double time, double[] batchLosses, long[] pathIterations,
    long hessianEvaluations, int epochs, double[] gnorms, double[] pathValues, PathExtras extras) {

  /** A result that keeps nothing beside its path (searches that combine runs). */
  public Result(double[] x, double f, double[] grad, double gnorm, long iterations,
      long evaluations, String status, String message, double[][] path, double[] values,
      String method, String label, double time, double[] batchLosses, long[] pathIterations,
      long hessianEvaluations, int epochs, double[] gnorms, double[] pathValues) {
    this(x, f, grad, gnorm, iterations, evaluations, status, message, path, values, method, label, time,
        batchLosses, pathIterations, hessianEvaluations, epochs, gnorms, pathValues, PathExtras.NONE);
  }

  public static final String CONVERGED = "converged";
  public static final String MAX_STEPS = "max_steps";
  public static final String DIVERGED = "diverged";
  public static final String STALLED = "stalled";
  public static final String INTERRUPTED = "interrupted";

  @Override
  public String toString() {
    return label + ": " + status + ", f=" + Check.num(f) + ", iterations=" + iterations;
  }
}
