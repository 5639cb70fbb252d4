package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first three iterates of every first-order method on {@link Quadratic} from (-3, -1),
 * against the published update rule written out here in scalar arithmetic (one line per
 * formula of the torch.optim pseudo-code), never against output of the code under test.
 */
class FirstOrderStepsTest {
  static final int STEPS = 3;

  static double[][] run(String name, Map<String, Object> args) {
    Method m = Methods.create(name, args);
    Result r = Minimizer.run(new Quadratic(), Quadratic.START.clone(), m,
        RunOptions.defaults().withSteps(STEPS).withGtol(0));
    assertThat(r.iterations()).isEqualTo(STEPS);
    assertThat(r.evaluations()).isEqualTo(STEPS + 1);
    return r.path();
  }

  static void assertPath(double[][] actual, double[][] expected) {
    assertThat(actual).hasNumberOfRows(STEPS + 1);
    for (int t = 0; t <= STEPS; t++) {
      for (int i = 0; i < 2; i++) {
        assertThat(actual[t][i]).as("iterate %d, coordinate %d", t, i)
            .isCloseTo(expected[t][i], within(1e-12 * Math.max(1, Math.abs(expected[t][i]))));
      }
    }
  }

  /** Applies {@code rule} per coordinate: rule(t, i, x_i, g_i) returns the new x_i. */
  interface Rule {
    double apply(int t, int i, double x, double g);
  }

  static double[][] oracle(Rule rule) {
    double[][] p = new double[STEPS + 1][];
    p[0] = Quadratic.START.clone();
    for (int t = 1; t <= STEPS; t++) {
      double x = p[t - 1][0];
      double y = p[t - 1][1];
      double[] g = {Quadratic.gx(x, y), Quadratic.gy(x, y)};
      p[t] = new double[] {rule.apply(t, 0, x, g[0]), rule.apply(t, 1, y, g[1])};
    }
    return p;
  }

  @Test
  void gdByHand() {
    // g0 = (2*-3 + -1 - 5, -3 + 20*-1 - 3) = (-12, -26)
    // x1 = (-3 + 0.01*12, -1 + 0.01*26) = (-2.88, -0.74)
    // g1 = (-5.76 - 0.74 - 5, -2.88 - 14.8 - 3) = (-11.5, -20.68)
    // x2 = (-2.88 + 0.115, -0.74 + 0.2068) = (-2.765, -0.5332)
    // g2 = (-5.53 - 0.5332 - 5, -2.765 - 10.664 - 3) = (-11.0632, -16.429)
    // x3 = (-2.765 + 0.110632, -0.5332 + 0.16429) = (-2.654368, -0.36891)
    assertPath(run("gd", Map.of()), new double[][] {
        {-3, -1}, {-2.88, -0.74}, {-2.765, -0.5332}, {-2.654368, -0.36891}});
  }

  @Test
  void momentum() {
    double lr = 0.1, beta = 0.8;
    double[] v = new double[2];
    assertPath(run("momentum", Map.of("lr", lr, "beta", beta)), oracle((t, i, x, g) -> {
      v[i] = beta * v[i] + (1 - beta) * g;
      return x - lr * v[i];
    }));
  }

  @Test
  void sgdWithMomentumDampeningAndDecay() {
    double lr = 0.01, mu = 0.9, damp = 0.3, wd = 0.1;
    double[] b = new double[2];
    assertPath(run("sgd", Map.of("lr", lr, "momentum", mu, "dampening", damp, "weight_decay", wd)),
        oracle((t, i, x, g) -> {
          double d = g + wd * x;
          b[i] = t == 1 ? d : mu * b[i] + (1 - damp) * d;
          return x - lr * b[i];
        }));
  }

  @Test
  void sgdNesterov() {
    double lr = 0.01, mu = 0.9;
    double[] b = new double[2];
    assertPath(run("sgd", Map.of("lr", lr, "momentum", mu, "nesterov", true)),
        oracle((t, i, x, g) -> {
          b[i] = t == 1 ? g : mu * b[i] + g;
          return x - lr * (g + mu * b[i]);
        }));
  }

  @Test
  void sgdWithoutMomentumIsGd() {
    assertPath(run("sgd", Map.of("lr", 0.01)), run("gd", Map.of()));
  }

  @Test
  void adagrad() {
    double lr = 0.5, decay = 0.1, wd = 0.05, init = 0.2, eps = 1e-10;
    double[] s = {init, init};
    assertPath(run("adagrad", Map.of("lr", lr, "lr_decay", decay, "weight_decay", wd,
        "initial_accumulator_value", init)), oracle((t, i, x, g) -> {
          double gg = g + wd * x;
          double clr = lr / (1 + (t - 1) * decay);
          s[i] = s[i] + gg * gg;
          return x - clr * gg / (Math.sqrt(s[i]) + eps);
        }));
  }

  @Test
  void rmspropPlain() {
    double lr = 0.01, alpha = 0.99, eps = 1e-8;
    double[] v = new double[2];
    assertPath(run("rmsprop", Map.of()), oracle((t, i, x, g) -> {
      v[i] = alpha * v[i] + (1 - alpha) * g * g;
      return x - lr * g / (Math.sqrt(v[i]) + eps);
    }));
  }

  @Test
  void rmspropCenteredWithMomentumAndDecay() {
    double lr = 0.02, alpha = 0.9, eps = 1e-8, wd = 0.1, mu = 0.5;
    double[] v = new double[2], a = new double[2], b = new double[2];
    assertPath(run("rmsprop", Map.of("lr", lr, "alpha", alpha, "weight_decay", wd, "momentum", mu,
        "centered", true)), oracle((t, i, x, g) -> {
          double gg = g + wd * x;
          v[i] = alpha * v[i] + (1 - alpha) * gg * gg;
          a[i] = alpha * a[i] + (1 - alpha) * gg;
          double avg = Math.sqrt(v[i] - a[i] * a[i]) + eps;
          b[i] = mu * b[i] + gg / avg;
          return x - lr * b[i];
        }));
  }

  static Rule adamRule(double lr, double b1, double b2, double eps, double wd, boolean ams,
      boolean decoupled) {
    double[] m = new double[2], v = new double[2], vmax = new double[2];
    return (t, i, x, g) -> {
      double gg = g;
      double xx = x;
      if (decoupled) xx = x * (1 - lr * wd);
      else gg = g + wd * x;
      m[i] = b1 * m[i] + (1 - b1) * gg;
      v[i] = b2 * v[i] + (1 - b2) * gg * gg;
      double bc1 = 1 - Math.pow(b1, t);
      double bc2 = 1 - Math.pow(b2, t);
      double second = v[i];
      if (ams) {
        vmax[i] = Math.max(vmax[i], v[i]);
        second = vmax[i];
      }
      return xx - (lr / bc1) * m[i] / (Math.sqrt(second) / Math.sqrt(bc2) + eps);
    };
  }

  @Test
  void adamDefaults() {
    assertPath(run("adam", Map.of()), oracle(adamRule(0.001, 0.9, 0.999, 1e-8, 0, false, false)));
  }

  @Test
  void adamAmsgradWithDecay() {
    // beta2 = 0.5 makes v shrink between steps, so the running max matters
    assertPath(run("adam", Map.of("lr", 0.5, "beta2", 0.5, "weight_decay", 0.1, "amsgrad", true)),
        oracle(adamRule(0.5, 0.9, 0.5, 1e-8, 0.1, true, false)));
  }

  @Test
  void adamwDecouplesDecay() {
    assertPath(run("adamw", Map.of("lr", 0.1, "weight_decay", 0.3)),
        oracle(adamRule(0.1, 0.9, 0.999, 1e-8, 0.3, false, true)));
  }

  @Test
  void adamEqualsAdamwWithoutDecay() {
    assertPath(run("adamw", Map.of("lr", 0.1, "weight_decay", 0)), run("adam", Map.of("lr", 0.1)));
  }

  @Test
  void nadam() {
    double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.01, psi = 0.004;
    double[] m = new double[2], v = new double[2];
    double[] prod = {1, 1};
    assertPath(run("nadam", Map.of("lr", lr, "weight_decay", wd)), oracle((t, i, x, g) -> {
      double gg = g + wd * x;
      double mu = b1 * (1 - 0.5 * Math.pow(0.96, t * psi));
      double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
      prod[i] = prod[i] * mu;
      m[i] = b1 * m[i] + (1 - b1) * gg;
      v[i] = b2 * v[i] + (1 - b2) * gg * gg;
      double vHat = v[i] / (1 - Math.pow(b2, t));
      double mHat = muNext * m[i] / (1 - prod[i] * muNext) + (1 - mu) * gg / (1 - prod[i]);
      return x - lr * mHat / (Math.sqrt(vHat) + eps);
    }));
  }

  static Rule radamRule(double lr, double b1, double b2, double eps, double wd) {
    double[] m = new double[2], v = new double[2];
    double rhoInf = 2 / (1 - b2) - 1;
    return (t, i, x, g) -> {
      double gg = g + wd * x;
      m[i] = b1 * m[i] + (1 - b1) * gg;
      v[i] = b2 * v[i] + (1 - b2) * gg * gg;
      double mHat = m[i] / (1 - Math.pow(b1, t));
      double rho = rhoInf - 2 * t * Math.pow(b2, t) / (1 - Math.pow(b2, t));
      if (rho > 5) {
        double l = Math.sqrt(1 - Math.pow(b2, t)) / (Math.sqrt(v[i]) + eps);
        double r = Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
        return x - lr * mHat * l * r;
      }
      return x - lr * mHat;
    };
  }

  @Test
  void radamEarlyStepsAreUnrectified() {
    // with beta2 = 0.999, rho_1..3 ≈ 1, 2, 3 (< 5): plain momentum steps
    assertPath(run("radam", Map.of("lr", 0.1)), oracle(radamRule(0.1, 0.9, 0.999, 1e-8, 0)));
  }

  @Test
  void radamWithDecay() {
    // rho_t first exceeds 5 at t = 6 for beta2 = 0.999; radamRectifiedAfterSixSteps covers that
    assertPath(run("radam", Map.of("lr", 0.05, "weight_decay", 0.1)),
        oracle(radamRule(0.05, 0.9, 0.999, 1e-8, 0.1)));
  }

  @Test
  void radamRectifiedAfterSixSteps() {
    Result r = Minimizer.run(new Quadratic(), Quadratic.START.clone(),
        Methods.create("radam", Map.of("lr", 0.05)),
        RunOptions.defaults().withSteps(8).withGtol(0));
    Rule rule = radamRule(0.05, 0.9, 0.999, 1e-8, 0);
    double x = -3, y = -1;
    for (int t = 1; t <= 8; t++) {
      double gx = Quadratic.gx(x, y), gy = Quadratic.gy(x, y);
      x = rule.apply(t, 0, x, gx);
      y = rule.apply(t, 1, y, gy);
    }
    assertThat(r.x()[0]).isCloseTo(x, within(1e-12));
    assertThat(r.x()[1]).isCloseTo(y, within(1e-12));
  }

  @Test
  void adamax() {
    double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.02;
    double[] m = new double[2], u = new double[2];
    assertPath(run("adamax", Map.of("lr", lr, "weight_decay", wd)), oracle((t, i, x, g) -> {
      double gg = g + wd * x;
      m[i] = b1 * m[i] + (1 - b1) * gg;
      u[i] = Math.max(b2 * u[i], Math.abs(gg) + eps);
      return x - (lr / (1 - Math.pow(b1, t))) * m[i] / u[i];
    }));
  }

  @Test
  void adadelta() {
    double lr = 1, rho = 0.9, eps = 1e-6, wd = 0.1;
    double[] v = new double[2], u = new double[2];
    assertPath(run("adadelta", Map.of("weight_decay", wd)), oracle((t, i, x, g) -> {
      double gg = g + wd * x;
      v[i] = rho * v[i] + (1 - rho) * gg * gg;
      double delta = Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps) * gg;
      u[i] = rho * u[i] + (1 - rho) * delta * delta;
      return x - lr * delta;
    }));
  }

  @Test
  void scheduleDrivesTheRate() {
    // gd with step_lr(lr=0.01, step_size=2, gamma=0.5): updates 1, 2 use 0.01, update 3 uses 0.005
    Schedule s = Schedules.create("step_lr", Map.of("lr", 0.01, "step_size", 2, "gamma", 0.5));
    Method m = Methods.create("gd", Map.of("lr", s));
    Result r = Minimizer.run(new Quadratic(), Quadratic.START.clone(), m,
        RunOptions.defaults().withSteps(3).withGtol(0));
    double[] rates = {0.01, 0.01, 0.005};
    assertPath(r.path(), oracle((tt, i, x, g) -> x - rates[tt - 1] * g));
    assertThat(m.describe()).isEqualTo("gd(lr=step_lr(lr=0.01, step_size=2, gamma=0.5))");
  }
}
