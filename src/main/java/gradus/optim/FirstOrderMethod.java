package gradus.optim;

/**
 * The base of the gradient-only update rules (gd … adadelta): each update reads the gradient at
 * the current point once and moves the point. The rate comes from a {@link Schedule}.
 */
public abstract class FirstOrderMethod extends Method {
  final Schedule lr;

  FirstOrderMethod(String description, Schedule lr) {
    super(description);
    if (lr == null) throw Check.bad("lr is required");
    this.lr = lr;
    Check.positive("lr", lr.baseRate());
  }

  public Schedule learningRate() {
    return lr;
  }

  /** Per-run state of an update rule; must not allocate in {@link #update}. */
  interface Stepper {
    /**
     * Writes update number t (1-based) of {@code x} with rate {@code rate} into {@code out}, which
     * may be {@code x} itself; {@code g} is the objective gradient at x and is not modified.
     * Element i is computed from x[i] and g[i] before out[i] is written.
     */
    void update(double[] x, double[] g, double rate, long t, double[] out);
  }

  abstract Stepper newStepper(int n);

  /**
   * A full-batch run: update cur.x into next.x (no copies), projected onto the box in a bounded
   * run, for the caller to evaluate.
   */
  @Override
  final Driver newDriver(Evaluator ev, int n) {
    Stepper stepper = newStepper(n);
    Bounds box = ev.bounds;
    return new Driver() {
      double rate = Double.NaN;

      @Override
      public Outcome step(Iterate cur, Iterate next, long t) {
        rate = lr.rate(t);
        stepper.update(cur.x, cur.g, rate, t, next.x);
        if (box != null) box.clip(next.x);
        return Outcome.EVALUATE;
      }

      @Override
      public double rate() {
        return rate;
      }
    };
  }

  /**
   * PyTorch's coupled L2 weight decay: g itself when wd is 0, else {@code work = g + wd*x}.
   * {@code work} may be null when wd is 0 (see {@link #decayBuffer}).
   */
  static double[] decayed(double[] g, double[] x, double wd, double[] work) {
    if (wd == 0) return g;
    for (int i = 0; i < g.length; i++) work[i] = g[i] + wd * x[i];
    return work;
  }

  /** The work array {@link #decayed} needs: null without weight decay. */
  static double[] decayBuffer(int n, double wd) {
    return wd == 0 ? null : new double[n];
  }
}
