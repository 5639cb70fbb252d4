package gradus.optim;

import java.util.List;

/**
 * {@code sgd(lr=0.001, momentum=0, dampening=0, nesterov=false, weight_decay=0)} — torch.optim.SGD.
 * With g = grad + weight_decay*x: if momentum ≠ 0, the buffer is {@code b = g} on the first update
 * and {@code b = momentum*b + (1-dampening)*g} after; the direction is {@code g + momentum*b}
 * with nesterov, else {@code b}; then {@code x -= lr*direction}. Nesterov needs momentum > 0 and
 * dampening = 0.
 */
public final class Sgd extends FirstOrderMethod {
  static final MethodSpec SPEC = new MethodSpec("sgd", List.of(
      new Param("lr", 0.001, Param.Kind.RATE),
      new Param("momentum", 0.0, Param.Kind.NUMBER),
      new Param("dampening", 0.0, Param.Kind.NUMBER),
      new Param("nesterov", false, Param.Kind.BOOLEAN),
      new Param("weight_decay", 0.0, Param.Kind.NUMBER)));

  private final double momentum;
  private final double dampening;
  private final boolean nesterov;
  private final double weightDecay;

  public Sgd(Schedule lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
    super(Schedule.all("sgd", "lr", lr, "momentum", momentum, "dampening", dampening,
        "nesterov", nesterov, "weight_decay", weightDecay), lr);
    this.momentum = Check.nonNegative("momentum", momentum);
    this.dampening = Check.finite("dampening", dampening);
    this.nesterov = nesterov;
    this.weightDecay = Check.nonNegative("weight_decay", weightDecay);
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw Check.bad("nesterov", "nesterov=true needs momentum > 0 and dampening = 0, got momentum="
          + Check.num(momentum) + ", dampening=" + Check.num(dampening));
    }
  }

  static Sgd from(Args a) {
    return new Sgd(a.rate("lr"), a.num("momentum"), a.num("dampening"), a.bool("nesterov"),
        a.num("weight_decay"));
  }

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  Stepper newStepper(int n) {
    double[] b = momentum != 0 ? new double[n] : null;
    double[] work = decayBuffer(n, weightDecay);
    return (x, g0, rate, t, out) -> {
      double[] g = decayed(g0, x, weightDecay, work);
      for (int i = 0; i < n; i++) {
        double d = g[i];
        if (b != null) {
          b[i] = t == 1 ? d : momentum * b[i] + (1 - dampening) * d;
          d = nesterov ? d + momentum * b[i] : b[i];
        }
        out[i] = x[i] - rate * d;
      }
    };
  }
}
