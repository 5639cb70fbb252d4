package gradus.optim;

import java.util.List;

/**
 * {@code cosine_lr(lr, t_max, eta_min=0)} — the closed form of PyTorch's CosineAnnealingLR: with
 * e = t-1, update t uses {@code eta_min + (lr - eta_min) * (1 + cos(pi*e/t_max)) / 2}. Like that
 * closed form it is periodic: after t_max updates the rate rises again.
 */
public final class CosineLr extends Schedule {
  static final MethodSpec SPEC = new MethodSpec("cosine_lr", List.of(
      new Param("lr", null, Param.Kind.NUMBER),
      new Param("t_max", null, Param.Kind.INTEGER),
      new Param("eta_min", 0.0, Param.Kind.NUMBER)));

  private final double lr;
  private final int tMax;
  private final double etaMin;

  public CosineLr(double lr, int tMax, double etaMin) {
    super(all("cosine_lr", "lr", lr, "t_max", tMax, "eta_min", etaMin));
    this.lr = Check.positive("lr", lr);
    this.tMax = Check.atLeast("t_max", tMax, 1);
    this.etaMin = Check.nonNegative("eta_min", etaMin);
  }

  static CosineLr from(Args a) {
    return new CosineLr(a.num("lr"), a.integer("t_max"), a.num("eta_min"));
  }

  @Override
  public double rate(long t) {
    return etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * (t - 1) / tMax)) / 2;
  }

  @Override
  public double baseRate() {
    return lr;
  }
}
