package gradus.optim;

import java.util.List;

/**
 * {@code momentum(lr=0.01, beta=0.9)} — textbook heavy ball with an averaged velocity:
 * {@code v = beta*v + (1-beta)*g; x -= lr*v}, v starting at 0.
 */
public final class Momentum extends FirstOrderMethod {
  static final MethodSpec SPEC = new MethodSpec("momentum", List.of(
      new Param("lr", 0.01, Param.Kind.RATE), new Param("beta", 0.9, Param.Kind.NUMBER)));

  private final double beta;

  public Momentum(Schedule lr, double beta) {
    super(Schedule.all("momentum", "lr", lr, "beta", beta), lr);
    this.beta = Check.unitOpen("beta", beta);
  }

  static Momentum from(Args a) {
    return new Momentum(a.rate("lr"), a.num("beta"));
  }

  @Override
  public String name() {
    return "momentum";
  }

  @Override
  Stepper newStepper(int n) {
    double[] v = new double[n];
    return (x, g, rate, t, out) -> {
      for (int i = 0; i < n; i++) {
        v[i] = beta * v[i] + (1 - beta) * g[i];
        out[i] = x[i] - rate * v[i];
      }
    };
  }
}
