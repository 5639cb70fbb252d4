package gradus.optim;

import java.util.List;

/**
 * {@code rmsprop(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=false)} —
 * torch.optim.RMSprop: g += weight_decay*x; {@code v = alpha*v + (1-alpha)*g²}; with centered,
 * {@code a = alpha*a + (1-alpha)*g} and {@code avg = sqrt(v - a²) + eps}, else
 * {@code avg = sqrt(v) + eps}; with momentum > 0, {@code b = momentum*b + g/avg; x -= lr*b},
 * else {@code x -= lr*g/avg}.
 */
public final class RmsProp extends FirstOrderMethod {
  static final MethodSpec SPEC = new MethodSpec("rmsprop", List.of(
      new Param("lr", 0.01, Param.Kind.RATE),
      new Param("alpha", 0.99, Param.Kind.NUMBER),
      new Param("eps", 1e-8, Param.Kind.NUMBER),
      new Param("weight_decay", 0.0, Param.Kind.NUMBER),
      new Param("momentum", 0.0, Param.Kind.NUMBER),
      new Param("centered", false, Param.Kind.BOOLEAN)));

  private final double alpha;
  private final double eps;
  private final double weightDecay;
  private final double momentum;
  private final boolean centered;

  public RmsProp(Schedule lr, double alpha, double eps, double weightDecay, double momentum,
      boolean centered) {
    super(Schedule.all("rmsprop", "lr", lr, "alpha", alpha, "eps", eps, "weight_decay",
        weightDecay, "momentum", momentum, "centered", centered), lr);
    this.alpha = Check.unitClosed("alpha", alpha);
    this.eps = Check.nonNegative("eps", eps);
    this.weightDecay = Check.nonNegative("weight_decay", weightDecay);
    this.momentum = Check.nonNegative("momentum", momentum);
    this.centered = centered;
  }

  static RmsProp from(Args a) {
    return new RmsProp(a.rate("lr"), a.num("alpha"), a.num("eps"), a.num("weight_decay"),
        a.num("momentum"), a.bool("centered"));
  }

  @Override
  public String name() {
    return "rmsprop";
  }

  @Override
  Stepper newStepper(int n) {
    double[] v = new double[n];
    double[] avgGrad = centered ? new double[n] : null;
    double[] buf = momentum > 0 ? new double[n] : null;
    double[] work = decayBuffer(n, weightDecay);
    return (x, g0, rate, t, out) -> {
      double[] g = decayed(g0, x, weightDecay, work);
      for (int i = 0; i < n; i++) {
        v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i];
        double avg;
        if (avgGrad != null) {
          avgGrad[i] = alpha * avgGrad[i] + (1 - alpha) * g[i];
          avg = Math.sqrt(v[i] - avgGrad[i] * avgGrad[i]) + eps;
        } else {
          avg = Math.sqrt(v[i]) + eps;
        }
        if (buf != null) {
          buf[i] = momentum * buf[i] + g[i] / avg;
          out[i] = x[i] - rate * buf[i];
        } else {
          out[i] = x[i] - rate * g[i] / avg;
        }
      }
    };
  }
}
