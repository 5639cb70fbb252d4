package gradus.optim;

import java.util.List;

/**
 * {@code linear_warmup(lr, steps)} — update t (1-based) uses {@code lr * min(1, t/steps)}: the
 * rate rises linearly over the first {@code steps} updates, then holds (SPEC §9).
 */
public final class LinearWarmup extends Schedule {
  static final MethodSpec SPEC = new MethodSpec("linear_warmup", List.of(
      new Param("lr", null, Param.Kind.NUMBER),
      new Param("steps", null, Param.Kind.INTEGER)));

  private final double lr;
  private final int steps;

  public LinearWarmup(double lr, int steps) {
    super(all("linear_warmup", "lr", lr, "steps", steps));
    this.lr = Check.positive("lr", lr);
    this.steps = Check.atLeast("steps", steps, 1);
  }

  static LinearWarmup from(Args a) {
    return new LinearWarmup(a.num("lr"), a.integer("steps"));
  }

  @Override
  public double rate(long t) {
    return lr * Math.min(1.0, (double) t / steps);
  }

  @Override
  public double baseRate() {
    return lr;
  }
}
