package gradus.optim;

/**
 * {@code adamw(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01, amsgrad=false)} —
 * torch.optim.AdamW: first the decoupled decay {@code x *= 1 - lr*weight_decay}, then Adam's
 * update ({@link Adam}) on the undecayed gradient.
 */
public final class AdamW extends AdamFamily {
  static final MethodSpec SPEC = new MethodSpec("adamw", AdamFamily.params(0.001, 0.01, new Param("amsgrad", false, Param.Kind.BOOLEAN)));

  private final boolean amsgrad;

  public AdamW(Schedule lr, double beta1, double beta2, double eps, double weightDecay,
      boolean amsgrad) {
    super(Schedule.all("adamw", "lr", lr, "beta1", beta1, "beta2", beta2, "eps", eps,
        "weight_decay", weightDecay, "amsgrad", amsgrad), lr, beta1, beta2, eps, weightDecay);
    this.amsgrad = amsgrad;
  }

  static AdamW from(Args a) {
    return new AdamW(a.rate("lr"), a.num("beta1"), a.num("beta2"), a.num("eps"),
        a.num("weight_decay"), a.bool("amsgrad"));
  }

  @Override
  public String name() {
    return "adamw";
  }

  @Override
  Stepper newStepper(int n) {
    return Adam.stepper(n, beta1, beta2, eps, weightDecay, amsgrad, true);
  }
}
