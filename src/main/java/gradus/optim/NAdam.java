package gradus.optim;

/**
 * {@code nadam(lr=0.002, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0, momentum_decay=0.004)}
 * — torch.optim.NAdam: g += weight_decay*x; with psi = momentum_decay,
 * {@code mu_t = beta1*(1 - 0.5*0.96^(t*psi))}, {@code mu_{t+1} = beta1*(1 - 0.5*0.96^((t+1)*psi))},
 * P_t = mu_1⋯mu_t; m and v as in Adam; {@code denom = sqrt(v/(1-beta2^t)) + eps};
 * {@code x -= lr*(1-mu_t)/(1-P_t) * g/denom + lr*mu_{t+1}/(1-P_t*mu_{t+1}) * m/denom}.
 */
public final class NAdam extends AdamFamily {
  static final MethodSpec SPEC = new MethodSpec("nadam", AdamFamily.params(0.002, 0.0, new Param("momentum_decay", 0.004, Param.Kind.NUMBER)));

  private final double psi;

  public NAdam(Schedule lr, double beta1, double beta2, double eps, double weightDecay,
      double momentumDecay) {
    super(Schedule.all("nadam", "lr", lr, "beta1", beta1, "beta2", beta2, "eps", eps,
        "weight_decay", weightDecay, "momentum_decay", momentumDecay), lr, beta1, beta2, eps, weightDecay);
    this.psi = Check.nonNegative("momentum_decay", momentumDecay);
  }

  static NAdam from(Args a) {
    return new NAdam(a.rate("lr"), a.num("beta1"), a.num("beta2"), a.num("eps"),
        a.num("weight_decay"), a.num("momentum_decay"));
  }

  @Override
  public String name() {
    return "nadam";
  }

  @Override
  Stepper newStepper(int n) {
    double[] m = new double[n];
    double[] v = new double[n];
    double[] muProduct = {1.0};
    double[] work = decayBuffer(n, weightDecay);
    return (x, g0, rate, t, out) -> {
      double[] g = decayed(g0, x, weightDecay, work);
      double bc2 = 1 - Math.pow(beta2, t);
      double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * psi));
      double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
      muProduct[0] *= mu;
      double gradCoef = rate * (1 - mu) / (1 - muProduct[0]);
      double momCoef = rate * muNext / (1 - muProduct[0] * muNext);
      for (int i = 0; i < n; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        double denom = Math.sqrt(v[i] / bc2) + eps;
        // two subtractions, in torch's order: (x - a) - b
        out[i] = x[i] - gradCoef * g[i] / denom - momCoef * m[i] / denom;
      }
    };
  }
}
