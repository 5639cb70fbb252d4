package gradus.optim;

import java.util.List;

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
  interface Stepper extends States {
    /**
     * Writes update number t (1-based) of {@code x} with rate {@code rate} into {@code out}, which
     * may be {@code x} itself; {@code g} is the objective gradient at x and is not modified.
     * Element i is computed from x[i] and g[i] before out[i] is written.
     */
    void update(double[] x, double[] g, double rate, long t, double[] out);

    /** As above, with f the objective's value at x (an optimizer written in Gradus may read it). */
    default void update(double[] x, double[] g, double f, double rate, long t, double[] out) {
      update(x, g, rate, t, out);
    }

    /** Called once, before the first update, with the start point and its gradient. */
    default void begin(double[] x, double[] g) {}
  }

  abstract Stepper newStepper(int n);

  /**
   * A full-batch run: update cur.x into next.x (no copies), projected onto the box in a bounded
   * run, for the caller to evaluate. With noise= the stepper sees cur.g plus the noise, in an
   * array of its own, so that cur.g stays the exact gradient the run reports.
   */
  @Override
  final Driver newDriver(Evaluator ev, int n) {
    Stepper stepper = newStepper(n);
    Bounds box = ev.bounds;
    Noise noise = ev.noise;
    double[] noisy = noise == null ? null : new double[n];
    return new Driver() {
      double rate = Double.NaN;

      @Override
      public Outcome step(Iterate cur, Iterate next, long t) {
        rate = lr.rate(t);
        double[] g = noise == null ? cur.g : noise.added(cur.g, noisy);
        stepper.update(cur.x, g, cur.f, rate, t, next.x);
        if (box != null) box.clip(next.x);
        return Outcome.EVALUATE;
      }

      @Override
      public double rate() {
        return rate;
      }

      @Override
      public void begin(Iterate start) {
        stepper.begin(start.x, start.g);
      }

      @Override
      public List<String> stateNames() {
        return stepper.stateNames();
      }

      @Override
      public int stateWidth(int k) {
        return stepper.stateWidth(k);
      }

      @Override
      public void copyState(int k, double[] into, int off) {
        stepper.copyState(k, into, off);
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
