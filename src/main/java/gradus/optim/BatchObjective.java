package gradus.optim;

/**
 * An objective that is a mean over data rows. {@link #valueAndGradient} is the mean over all
 * rows; {@link #batchValueAndGradient} the mean over {@code rows[from..to)}.
 */
public interface BatchObjective extends Objective {
  int rows();

  /** Mean loss over the rows {@code rows[from]..rows[to-1]}; overwrites {@code grad} with its gradient. */
  double batchValueAndGradient(double[] x, int[] rows, int from, int to, double[] grad);
}
