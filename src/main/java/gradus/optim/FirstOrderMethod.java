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
  interface Stepper {
    /**
     * Moves {@code x} in place for update number t (1-based) with rate {@code rate}; {@code g} is
     * the objective gradient at x and may be overwritten (e.g. by adding weight decay).
     */
    void update(double[] x, double[] g, double rate, long t);

    /** As above, with f the objective's value at x (an optimizer written in Gradus may read it). */
    default void update(double[] x, double[] g, double f, double rate, long t) {
      update(x, g, rate, t);
    }

    /** Called once, before the first update, with the start point and its gradient. */
    default void begin(double[] x, double[] g) {}

    /** The names of the states it reports to a run that records them (none by default). */
    default List<String> stateNames() {
      return List.of();
    }

    /** How many numbers state k has: n for a state per coordinate, 1 for one number. */
    default int stateWidth(int k) {
      throw new IndexOutOfBoundsException(k);
    }

    /** Copies state k's {@link #stateWidth} numbers into {@code into} from {@code off}. */
    default void copyState(int k, double[] into, int off) {
      throw new IndexOutOfBoundsException(k);
    }
  }

  abstract Stepper newStepper(int n);

  /** g += wd*x, PyTorch's coupled L2 weight decay. */
  static void addDecay(double[] g, double[] x, double wd) {
    if (wd == 0) return;
    for (int i = 0; i < g.length; i++) g[i] += wd * x[i];
  }
}
