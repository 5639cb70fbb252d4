package gradus.optim;

import java.util.List;

/** {@code gd(lr=0.01)} — plain gradient descent: {@code x -= lr*g}. */
public final class Gd extends FirstOrderMethod {
  static final MethodSpec SPEC = new MethodSpec("gd", List.of(new Param("lr", 0.01, Param.Kind.RATE)));

  public Gd(Schedule lr) {
    super(Schedule.all("gd", "lr", lr), lr);
  }

  static Gd from(Args a) {
    return new Gd(a.rate("lr"));
  }

  @Override
  public String name() {
    return "gd";
  }

  @Override
  Stepper newStepper(int n) {
    return (x, g, rate, t, out) -> {
      for (int i = 0; i < n; i++) out[i] = x[i] - rate * g[i];
    };
  }
}
