package gradus.optim;

/**
 * {@code radam(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0)} — torch.optim.RAdam:
 * g += weight_decay*x; m and v as in Adam; {@code m̂ = m/(1-beta1^t)};
 * {@code rho_inf = 2/(1-beta2) - 1}, {@code rho_t = rho_inf - 2t*beta2^t/(1-beta2^t)}. If
 * rho_t > 5: {@code r = sqrt((rho_t-4)(rho_t-2)rho_inf / ((rho_inf-4)(rho_inf-2)rho_t))} and
 * {@code x -= lr * m̂ * r * sqrt(1-beta2^t)/(sqrt(v) + eps)}; otherwise {@code x -= lr*m̂}.
 */
public final class RAdam extends AdamFamily {
  static final MethodSpec SPEC = new MethodSpec("radam", AdamFamily.params(0.001, 0.0));


  public RAdam(Schedule lr, double beta1, double beta2, double eps, double weightDecay) {
    super(Schedule.all("radam", "lr", lr, "beta1", beta1, "beta2", beta2, "eps", eps,
        "weight_decay", weightDecay), lr, beta1, beta2, eps, weightDecay);
  }

  static RAdam from(Args a) {
    return new RAdam(a.rate("lr"), a.num("beta1"), a.num("beta2"), a.num("eps"),
        a.num("weight_decay"));
  }

  @Override
  public String name() {
    return "radam";
  }

  @Override
  Stepper newStepper(int n) {
    double[] m = new double[n];
    double[] v = new double[n];
    double rhoInf = 2 / (1 - beta2) - 1;
    double[] work = decayBuffer(n, weightDecay);
    return (x, g0, rate, t, out) -> {
      double[] g = decayed(g0, x, weightDecay, work);
      double bc1 = 1 - Math.pow(beta1, t);
      double b2t = Math.pow(beta2, t);
      double bc2 = 1 - b2t;
      double rhoT = rhoInf - 2 * t * b2t / bc2;
      boolean rectify = rhoT > 5;
      double r = rectify
          ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
          : 0;
      for (int i = 0; i < n; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        double mHat = m[i] / bc1;
        if (rectify) {
          out[i] = x[i] - mHat * rate * (Math.sqrt(bc2) / (Math.sqrt(v[i]) + eps)) * r;
        } else {
          out[i] = x[i] - mHat * rate;
        }
      }
    };
  }
}
