package gradus.optim;

import java.util.List;

/**
 * {@code adadelta(lr=1, rho=0.9, eps=1e-6, weight_decay=0)} — torch.optim.Adadelta:
 * g += weight_decay*x; {@code v = rho*v + (1-rho)*g²};
 * {@code delta = sqrt(u + eps)/sqrt(v + eps) * g}; {@code u = rho*u + (1-rho)*delta²};
 * {@code x -= lr*delta}.
 */
public final class Adadelta extends FirstOrderMethod {
  static final MethodSpec SPEC = new MethodSpec("adadelta", List.of(
      new Param("lr", 1.0, Param.Kind.RATE),
      new Param("rho", 0.9, Param.Kind.NUMBER),
      new Param("eps", 1e-6, Param.Kind.NUMBER),
      new Param("weight_decay", 0.0, Param.Kind.NUMBER)));

  private final double rho;
  private final double eps;
  private final double weightDecay;

  public Adadelta(Schedule lr, double rho, double eps, double weightDecay) {
    super(Schedule.all("adadelta", "lr", lr, "rho", rho, "eps", eps, "weight_decay", weightDecay),
        lr);
    this.rho = Check.unitClosed("rho", rho);
    this.eps = Check.nonNegative("eps", eps);
    this.weightDecay = Check.nonNegative("weight_decay", weightDecay);
  }

  static Adadelta from(Args a) {
    return new Adadelta(a.rate("lr"), a.num("rho"), a.num("eps"), a.num("weight_decay"));
  }

  @Override
  public String name() {
    return "adadelta";
  }

  @Override
  Stepper newStepper(int n) {
    double[] v = new double[n];
    double[] u = new double[n];
    double[] work = decayBuffer(n, weightDecay);
    return (x, g0, rate, t, out) -> {
      double[] g = decayed(g0, x, weightDecay, work);
      for (int i = 0; i < n; i++) {
        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
        double delta = Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps) * g[i];
        u[i] = rho * u[i] + (1 - rho) * delta * delta;
        out[i] = x[i] - rate * delta;
      }
    };
  }
}
