package gradus.optim;

/**
 * {@code adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0, amsgrad=false)} —
 * torch.optim.Adam: g += weight_decay*x; {@code m = beta1*m + (1-beta1)*g};
 * {@code v = beta2*v + (1-beta2)*g²}; with amsgrad {@code vmax = max(vmax, v)} (the raw second
 * moment, before bias correction) and v̂ = vmax, else v̂ = v; then
 * {@code x -= (lr/(1-beta1^t)) * m / (sqrt(v̂)/sqrt(1-beta2^t) + eps)}.
 */
public final class Adam extends AdamFamily {
  static final MethodSpec SPEC = new MethodSpec("adam", AdamFamily.params(0.001, 0.0, new Param("amsgrad", false, Param.Kind.BOOLEAN)));

  private final boolean amsgrad;

  public Adam(Schedule lr, double beta1, double beta2, double eps, double weightDecay,
      boolean amsgrad) {
    super(Schedule.all("adam", "lr", lr, "beta1", beta1, "beta2", beta2, "eps", eps,
        "weight_decay", weightDecay, "amsgrad", amsgrad), lr, beta1, beta2, eps, weightDecay);
    this.amsgrad = amsgrad;
  }


  static Adam from(Args a) {
    return new Adam(a.rate("lr"), a.num("beta1"), a.num("beta2"), a.num("eps"),
        a.num("weight_decay"), a.bool("amsgrad"));
  }

  @Override
  public String name() {
    return "adam";
  }

  @Override
  Stepper newStepper(int n) {
    return stepper(n, beta1, beta2, eps, weightDecay, amsgrad, false);
  }

  /** Adam's update; {@code decoupled} applies AdamW's {@code x *= 1 - lr*weight_decay} instead of L2. */
  static Stepper stepper(int n, double beta1, double beta2, double eps, double weightDecay,
      boolean amsgrad, boolean decoupled) {
    double[] m = new double[n];
    double[] v = new double[n];
    double[] vmax = amsgrad ? new double[n] : null;
    double[] work = decoupled ? null : decayBuffer(n, weightDecay);
    return (x0, g0, rate, t, out) -> {
      double[] x = x0;
      double[] g = g0;
      if (decoupled) {
        double shrink = 1 - rate * weightDecay;
        for (int i = 0; i < n; i++) out[i] = x0[i] * shrink;
        x = out;
      } else {
        g = decayed(g0, x0, weightDecay, work);
      }
      double bc1 = 1 - Math.pow(beta1, t);
      double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
      double stepSize = rate / bc1;
      for (int i = 0; i < n; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        double second = v[i];
        if (vmax != null) {
          vmax[i] = Math.max(vmax[i], v[i]);
          second = vmax[i];
        }
        out[i] = x[i] - stepSize * m[i] / (Math.sqrt(second) / bc2Sqrt + eps);
      }
    };
  }
}
