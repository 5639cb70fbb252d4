package gradus.optim;

import java.util.List;

/**
 * A first-order method whose update comes from outside this package — an optimizer written in
 * Gradus, which the interpreter compiles. It runs wherever a built-in first-order method does
 * (full-batch and data runs, minibatches, schedules, bounds), through the same loop.
 */
public final class RuleMethod extends FirstOrderMethod {
  /** One run's update and its states (see {@code compile.UpdateCode}). */
  public interface Update {
    /** Sets the states to their start values at the start point x, whose gradient is g. */
    void start(double[] x, double[] g);

    /** Writes update number t into {@code out} (which may be x); moves the states. */
    void update(double[] x, double[] g, double f, double rate, long t, double[] out);

    /** How many numbers state k has: n when it is held per coordinate, else 1. */
    int width(int k);

    /** Copies state k's {@link #width} numbers into {@code into} from {@code off}. */
    void copyState(int k, double[] into, int off);
  }

  /** Makes each run's {@link Update}. */
  public interface Rule {
    Update newUpdate(int n);
  }

  private final String name;
  private final List<String> states;
  private final Rule rule;

  /**
   * @param description the call that made it, e.g. {@code lion(lr=0.001)}
   * @param states      the names of the rule's states, in declaration order
   */
  public RuleMethod(String name, String description, Schedule lr, List<String> states, Rule rule) {
    super(description, lr);
    this.name = name;
    this.states = List.copyOf(states);
    this.rule = rule;
  }

  @Override
  public String name() {
    return name;
  }

  public List<String> stateNames() {
    return states;
  }

  @Override
  Stepper newStepper(int n) {
    Update u = rule.newUpdate(n);
    return new Stepper() {
      boolean started;

      @Override
      public void update(double[] x, double[] g, double rate, long t, double[] out) {
        update(x, g, Double.NaN, rate, t, out);
      }

      @Override
      public void update(double[] x, double[] g, double f, double rate, long t, double[] out) {
        if (!started) begin(x, g);
        u.update(x, g, f, rate, t, out);
      }

      @Override
      public void begin(double[] x, double[] g) {
        u.start(x, g);
        started = true;
      }

      @Override
      public List<String> stateNames() {
        return states;
      }

      @Override
      public int stateWidth(int k) {
        return u.width(k);
      }

      @Override
      public void copyState(int k, double[] into, int off) {
        u.copyState(k, into, off);
      }
    };
  }
}
