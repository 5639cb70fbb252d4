package gradus.optim;

/**
 * Sees a run while it goes, for a progress line. {@link Minimizer} calls {@link #update} about
 * four times a second (never more often than every {@link Ticker#PERIOD_NANOS}), whatever an
 * iteration costs, and {@link #done} once when the run ends, however it ends.
 */
public interface Progress {
  /**
   * The state after {@code iteration} updates: f and the gradient's infinity norm (in a data
   * run, the current minibatch's loss and gradient norm).
   */
  void update(long iteration, double f, double gnorm);

  void done();
}
