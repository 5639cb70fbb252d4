package gradus.optim;

import java.util.List;

/** {@code exponential_lr(lr, gamma)} — PyTorch's ExponentialLR: update t uses {@code lr * gamma^(t-1)}. */
public final class ExponentialLr extends Schedule {
  static final MethodSpec SPEC = new MethodSpec("exponential_lr", List.of(
      new Param("lr", null, Param.Kind.NUMBER),
      new Param("gamma", null, Param.Kind.NUMBER)));

  private final double lr;
  private final double gamma;

  public ExponentialLr(double lr, double gamma) {
    super(all("exponential_lr", "lr", lr, "gamma", gamma));
    this.lr = Check.positive("lr", lr);
    this.gamma = Check.positive("gamma", gamma);
  }

  static ExponentialLr from(Args a) {
    return new ExponentialLr(a.num("lr"), a.num("gamma"));
  }

  @Override
  public double rate(long t) {
    return lr * Math.pow(gamma, t - 1);
  }

  @Override
  public double baseRate() {
    return lr;
  }
}
