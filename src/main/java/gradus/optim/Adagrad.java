package gradus.optim;

import java.util.List;

/**
 * {@code adagrad(lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10)} —
 * torch.optim.Adagrad: g += weight_decay*x; {@code clr = lr / (1 + (t-1)*lr_decay)};
 * {@code s += g²}; {@code x -= clr * g / (sqrt(s) + eps)}, s starting at initial_accumulator_value.
 */
public final class Adagrad extends FirstOrderMethod {
  static final MethodSpec SPEC = new MethodSpec("adagrad", List.of(
      new Param("lr", 0.01, Param.Kind.RATE),
      new Param("lr_decay", 0.0, Param.Kind.NUMBER),
      new Param("weight_decay", 0.0, Param.Kind.NUMBER),
      new Param("initial_accumulator_value", 0.0, Param.Kind.NUMBER),
      new Param("eps", 1e-10, Param.Kind.NUMBER)));

  private final double lrDecay;
  private final double weightDecay;
  private final double initial;
  private final double eps;

  public Adagrad(Schedule lr, double lrDecay, double weightDecay, double initialAccumulatorValue,
      double eps) {
    super(Schedule.all("adagrad", "lr", lr, "lr_decay", lrDecay, "weight_decay", weightDecay,
        "initial_accumulator_value", initialAccumulatorValue, "eps", eps), lr);
    this.lrDecay = Check.nonNegative("lr_decay", lrDecay);
    this.weightDecay = Check.nonNegative("weight_decay", weightDecay);
    this.initial = Check.nonNegative("initial_accumulator_value", initialAccumulatorValue);
    this.eps = Check.nonNegative("eps", eps);
  }

  static Adagrad from(Args a) {
    return new Adagrad(a.rate("lr"), a.num("lr_decay"), a.num("weight_decay"),
        a.num("initial_accumulator_value"), a.num("eps"));
  }

  @Override
  public String name() {
    return "adagrad";
  }

  @Override
  Stepper newStepper(int n) {
    double[] s = new double[n];
    java.util.Arrays.fill(s, initial);
    double[] work = decayBuffer(n, weightDecay);
    return (x, g0, rate, t, out) -> {
      double[] g = decayed(g0, x, weightDecay, work);
      double clr = rate / (1 + (t - 1) * lrDecay);
      for (int i = 0; i < n; i++) {
        s[i] += g[i] * g[i];
        out[i] = x[i] - clr * g[i] / (Math.sqrt(s[i]) + eps);
      }
    };
  }
}
