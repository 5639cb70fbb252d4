package gradus.optim;

import java.util.List;

/**
 * {@code step_lr(lr, step_size, gamma=0.1)} — PyTorch's StepLR: update t uses
 * {@code lr * gamma^floor((t-1)/step_size)}.
 */
public final class StepLr extends Schedule {
  static final MethodSpec SPEC = new MethodSpec("step_lr", List.of(
      new Param("lr", null, Param.Kind.NUMBER),
      new Param("step_size", null, Param.Kind.INTEGER),
      new Param("gamma", 0.1, Param.Kind.NUMBER)));

  private final double lr;
  private final int stepSize;
  private final double gamma;

  public StepLr(double lr, int stepSize, double gamma) {
    super(all("step_lr", "lr", lr, "step_size", stepSize, "gamma", gamma));
    this.lr = Check.positive("lr", lr);
    this.stepSize = Check.atLeast("step_size", stepSize, 1);
    this.gamma = Check.positive("gamma", gamma);
  }

  static StepLr from(Args a) {
    return new StepLr(a.num("lr"), a.integer("step_size"), a.num("gamma"));
  }

  @Override
  public double rate(long t) {
    return lr * Math.pow(gamma, Math.floorDiv(t - 1, stepSize));
  }

  @Override
  public double baseRate() {
    return lr;
  }
}
