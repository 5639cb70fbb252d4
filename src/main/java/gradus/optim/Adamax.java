package gradus.optim;

/**
 * {@code adamax(lr=0.002, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0)} —
 * torch.optim.Adamax: g += weight_decay*x; {@code m = beta1*m + (1-beta1)*g};
 * {@code u = max(beta2*u, |g| + eps)} (eps inside the max); {@code x -= (lr/(1-beta1^t)) * m/u}.
 */
public final class Adamax extends AdamFamily {
  static final MethodSpec SPEC = new MethodSpec("adamax", AdamFamily.params(0.002, 0.0));


  public Adamax(Schedule lr, double beta1, double beta2, double eps, double weightDecay) {
    super(Schedule.all("adamax", "lr", lr, "beta1", beta1, "beta2", beta2, "eps", eps,
        "weight_decay", weightDecay), lr, beta1, beta2, eps, weightDecay);
  }

  static Adamax from(Args a) {
    return new Adamax(a.rate("lr"), a.num("beta1"), a.num("beta2"), a.num("eps"),
        a.num("weight_decay"));
  }

  @Override
  public String name() {
    return "adamax";
  }

  @Override
  Stepper newStepper(int n) {
    double[] m = new double[n];
    double[] u = new double[n];
    double[] work = decayBuffer(n, weightDecay);
    return (x, g0, rate, t, out) -> {
      double[] g = decayed(g0, x, weightDecay, work);
      double clr = rate / (1 - Math.pow(beta1, t));
      for (int i = 0; i < n; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        u[i] = Math.max(beta2 * u[i], Math.abs(g[i]) + eps);
        out[i] = x[i] - clr * m[i] / u[i];
      }
    };
  }
}
