package gradus.optim;

import java.util.List;

/**
 * {@code polynomial_lr(lr, total_steps, power=1)} — PyTorch's PolynomialLR: with e = t-1, update t
 * uses {@code lr * (1 - min(e, total_steps)/total_steps)^power}, so the rate reaches 0 at update
 * {@code total_steps + 1} and stays there.
 */
public final class PolynomialLr extends Schedule {
  static final MethodSpec SPEC = new MethodSpec("polynomial_lr", List.of(
      new Param("lr", null, Param.Kind.NUMBER),
      new Param("total_steps", null, Param.Kind.INTEGER),
      new Param("power", 1.0, Param.Kind.NUMBER)));

  private final double lr;
  private final int totalSteps;
  private final double power;

  public PolynomialLr(double lr, int totalSteps, double power) {
    super(all("polynomial_lr", "lr", lr, "total_steps", totalSteps, "power", power));
    this.lr = Check.positive("lr", lr);
    this.totalSteps = Check.atLeast("total_steps", totalSteps, 1);
    this.power = Check.positive("power", power);
  }

  static PolynomialLr from(Args a) {
    return new PolynomialLr(a.num("lr"), a.integer("total_steps"), a.num("power"));
  }

  @Override
  public double rate(long t) {
    double e = Math.min(t - 1, totalSteps);
    return lr * Math.pow(1.0 - e / totalSteps, power);
  }

  @Override
  public double baseRate() {
    return lr;
  }
}
