package gradus.optim;

/**
 * A learning rate that changes with the update count. {@link #rate(long)} takes the 1-based
 * number t of the update about to be made. The PyTorch schedulers ({@code StepLR} …) are
 * stepped once after every optimizer update, so update t sees the scheduler after t-1 steps:
 * in their closed forms below, {@code e = t - 1}. {@code linear_warmup} follows SPEC §9 instead
 * (update t uses {@code lr*min(1, t/k)}).
 */
public abstract class Schedule {
  private String description;

  Schedule(String description) {
    this.description = description;
  }

  /** The learning rate for update t (t = 1 for the first update). */
  public abstract double rate(long t);

  /** The base rate {@code lr} given to the schedule. */
  public abstract double baseRate();

  /** The call that made this schedule, with only the arguments given: {@code step_lr(lr=0.1, step_size=10)}. */
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return describe();
  }

  Schedule describedAs(String text) {
    this.description = text;
    return this;
  }

  /** A fixed rate; describes itself as the bare number. */
  public static Schedule constant(double lr) {
    return new Schedule(null) {
      @Override
      public double rate(long t) {
        return lr;
      }

      @Override
      public double baseRate() {
        return lr;
      }

      @Override
      public String describe() {
        return Check.num(lr);
      }
    };
  }

  static String all(String name, Object... kv) {
    StringBuilder b = new StringBuilder(name).append('(');
    for (int i = 0; i < kv.length; i += 2) {
      if (i > 0) b.append(", ");
      b.append(kv[i]).append('=').append(Args.show(kv[i + 1]));
    }
    return b.append(')').toString();
  }
}
