package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The chapter's experiment, checked row by row against trajectories computed here by plain loops
 * written from the published update rules (SPEC §6 for gd/momentum, the torch.optim documentation's
 * pseudo-code for the rest), with the analytic gradient [2x + y - 5, x + 20y - 3] of
 * f(x, y) = 0.5*(2x^2 + 2xy + 20y^2) - (5x + 3y).
 */
class TrajectoryOracleTest {
  static final double[] START = {-3, -1};

  static double[] grad(double[] p) {
    return new double[] {2 * p[0] + p[1] - 5, p[0] + 20 * p[1] - 3};
  }

  /** One update of an optimizer with its own state; t is 1-based. */
  interface Rule {
    void step(double[] x, double[] g, int t);
  }

  static double[][] oracle(Rule rule, int steps) {
    double[][] path = new double[steps + 1][];
    double[] x = START.clone();
    path[0] = x.clone();
    for (int t = 1; t <= steps; t++) {
      rule.step(x, grad(x), t);
      path[t] = x.clone();
    }
    return path;
  }

  /** Runs minimize through the real language and reads back r.path (printed as shortest round-trip doubles). */
  static double[][] gradus(String method, int steps) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Session s = new Session(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String src = "f(x, y) = 0.5*(2*x^2 + 2*x*y + 20*y^2) - (5*x + 3*y)\n"
        + "r = minimize(f, [-3, -1], " + method + ", steps=" + steps + ", gtol=0)\n"
        + "print(r.iterations)\nprint(r.path)\n";
    boolean ok = s.run(src, "oracle.opt");
    assertThat(ok).as("stderr: %s", err.toString(StandardCharsets.UTF_8)).isTrue();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(Integer.parseInt(lines[0].trim())).as("iterations of %s", method).isEqualTo(steps);
    String m = lines[1].trim();
    m = m.substring(2, m.length() - 2);
    String[] rows = m.split("\\], \\[");
    double[][] path = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      String[] cells = rows[i].split(", ");
      path[i] = new double[cells.length];
      for (int j = 0; j < cells.length; j++) path[i][j] = Double.parseDouble(cells[j]);
    }
    return path;
  }

  static void compare(String method, Rule rule, int steps, double tol) {
    double[][] want = oracle(rule, steps);
    double[][] got = gradus(method, steps);
    assertThat(got.length).as("rows of %s's path", method).isEqualTo(steps + 1);
    for (int i = 0; i <= steps; i++) {
      for (int j = 0; j < 2; j++) {
        double scale = Math.max(1, Math.abs(want[i][j]));
        assertThat(Math.abs(got[i][j] - want[i][j]))
            .as("%s: row %d, coordinate %d: got %s, want %s", method, i, j, got[i][j], want[i][j])
            .isLessThanOrEqualTo(tol * scale);
      }
    }
  }

  // ---- the chapter's three methods, 50 steps, 1e-12 ----

  @Test
  void gradientDescent() {
    compare("gd(lr=0.1)", (x, g, t) -> {
      for (int i = 0; i < 2; i++) x[i] -= 0.1 * g[i];
    }, 50, 1e-12);
  }

  @Test
  void momentum() {
    double[] v = new double[2];
    compare("momentum(lr=0.1)", (x, g, t) -> {
      for (int i = 0; i < 2; i++) {
        v[i] = 0.9 * v[i] + (1 - 0.9) * g[i];
        x[i] -= 0.1 * v[i];
      }
    }, 50, 1e-12);
  }

  /** torch.optim.Adam: m, v with bias corrections; denom = sqrt(v)/sqrt(1-b2^t) + eps; x -= lr/(1-b1^t) * m/denom. */
  static Rule adam(double lr, double b1, double b2, double eps, boolean amsgrad, double decoupledDecay) {
    double[] m = new double[2], v = new double[2], vmax = new double[2];
    return (x, g, t) -> {
      double bc1 = 1 - Math.pow(b1, t), bc2 = 1 - Math.pow(b2, t);
      for (int i = 0; i < 2; i++) {
        if (decoupledDecay != 0) x[i] *= 1 - lr * decoupledDecay; // AdamW: decay before the Adam step
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double second = v[i];
        if (amsgrad) {
          vmax[i] = Math.max(vmax[i], v[i]);
          second = vmax[i];
        }
        double denom = Math.sqrt(second) / Math.sqrt(bc2) + eps;
        x[i] -= lr / bc1 * m[i] / denom;
      }
    };
  }

  @Test
  void adam() {
    compare("adam(lr=0.1)", adam(0.1, 0.9, 0.999, 1e-8, false, 0), 50, 1e-12);
  }

  // ---- the rest of torch.optim, 100 steps, 1e-10 relative ----

  @Test
  void adamAmsgrad() {
    compare("adam(lr=0.1, amsgrad=true)", adam(0.1, 0.9, 0.999, 1e-8, true, 0), 100, 1e-10);
  }

  @Test
  void adamw() {
    // torch.optim.AdamW: theta *= 1 - lr*lambda (lambda default 0.01), then the Adam step
    compare("adamw(lr=0.1)", adam(0.1, 0.9, 0.999, 1e-8, false, 0.01), 100, 1e-10);
  }

  @Test
  void nadam() {
    // torch.optim.NAdam: mu_t = b1*(1 - 0.5*0.96^(t*psi)), psi = 4e-3;
    // m_hat = mu_{t+1} m_t / (1 - prod_{i<=t+1} mu_i) + (1 - mu_t) g / (1 - prod_{i<=t} mu_i);
    // v_hat = v_t / (1 - b2^t); x -= lr * m_hat / (sqrt(v_hat) + eps)
    double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8, psi = 4e-3;
    double[] m = new double[2], v = new double[2];
    double[] muProduct = {1};
    compare("nadam(lr=0.1)", (x, g, t) -> {
      double mu = b1 * (1 - 0.5 * Math.pow(0.96, t * psi));
      double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
      muProduct[0] *= mu;
      double bc2 = 1 - Math.pow(b2, t);
      for (int i = 0; i < 2; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double denom = Math.sqrt(v[i] / bc2) + eps;
        double mhat = muNext * m[i] / (1 - muProduct[0] * muNext) + (1 - mu) * g[i] / (1 - muProduct[0]);
        x[i] -= lr * mhat / denom;
      }
    }, 100, 1e-10);
  }

  @Test
  void radam() {
    // torch.optim.RAdam: rho_inf = 2/(1-b2) - 1; rho_t = rho_inf - 2 t b2^t/(1-b2^t);
    // if rho_t > 5: x -= lr * m_hat * r_t * sqrt(1-b2^t)/(sqrt(v_t) + eps), else x -= lr * m_hat
    double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double[] m = new double[2], v = new double[2];
    compare("radam(lr=0.1)", (x, g, t) -> {
      double bc1 = 1 - Math.pow(b1, t), bc2 = 1 - Math.pow(b2, t);
      double rhoInf = 2 / (1 - b2) - 1;
      double rho = rhoInf - 2 * t * Math.pow(b2, t) / bc2;
      for (int i = 0; i < 2; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double mhat = m[i] / bc1;
        if (rho > 5) {
          double r = Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
          double adaptive = Math.sqrt(bc2) / (Math.sqrt(v[i]) + eps);
          x[i] -= lr * mhat * r * adaptive;
        } else {
          x[i] -= lr * mhat;
        }
      }
    }, 100, 1e-10);
  }

  @Test
  void adamax() {
    // torch.optim.Adamax: m = b1 m + (1-b1) g; u = max(b2 u, |g| + eps); x -= lr/(1-b1^t) * m/u
    double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double[] m = new double[2], u = new double[2];
    compare("adamax(lr=0.1)", (x, g, t) -> {
      for (int i = 0; i < 2; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        u[i] = Math.max(b2 * u[i], Math.abs(g[i]) + eps);
        x[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / u[i];
      }
    }, 100, 1e-10);
  }

  @Test
  void adadelta() {
    // torch.optim.Adadelta (lr=1, rho=0.9, eps=1e-6): v = rho v + (1-rho) g^2;
    // dx = sqrt(u + eps)/sqrt(v + eps) * g; u = rho u + (1-rho) dx^2; x -= lr dx
    double lr = 1, rho = 0.9, eps = 1e-6;
    double[] v = new double[2], u = new double[2];
    compare("adadelta()", (x, g, t) -> {
      for (int i = 0; i < 2; i++) {
        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
        double dx = Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps) * g[i];
        u[i] = rho * u[i] + (1 - rho) * dx * dx;
        x[i] -= lr * dx;
      }
    }, 100, 1e-10);
  }

  @Test
  void rmspropCenteredMomentum() {
    // torch.optim.RMSprop (alpha=0.99, eps=1e-8): v = a v + (1-a) g^2; centered: gbar = a gbar + (1-a) g,
    // denom = sqrt(v - gbar^2) + eps; momentum: b = mu b + g/denom; x -= lr b
    double lr = 0.01, a = 0.99, eps = 1e-8, mu = 0.5;
    double[] v = new double[2], gbar = new double[2], b = new double[2];
    compare("rmsprop(lr=0.01, centered=true, momentum=0.5)", (x, g, t) -> {
      for (int i = 0; i < 2; i++) {
        v[i] = a * v[i] + (1 - a) * g[i] * g[i];
        gbar[i] = a * gbar[i] + (1 - a) * g[i];
        double denom = Math.sqrt(v[i] - gbar[i] * gbar[i]) + eps;
        b[i] = mu * b[i] + g[i] / denom;
        x[i] -= lr * b[i];
      }
    }, 100, 1e-10);
  }

  @Test
  void adagrad() {
    // torch.optim.Adagrad (lr_decay=0, eps=1e-10): clr = lr/(1 + (t-1) lr_decay); s += g^2; x -= clr g/(sqrt(s) + eps)
    double lr = 0.1, decay = 0.01, eps = 1e-10;
    double[] s = new double[2];
    compare("adagrad(lr=0.1, lr_decay=0.01)", (x, g, t) -> {
      double clr = lr / (1 + (t - 1) * decay);
      for (int i = 0; i < 2; i++) {
        s[i] += g[i] * g[i];
        x[i] -= clr * g[i] / (Math.sqrt(s[i]) + eps);
      }
    }, 100, 1e-10);
  }

  @Test
  void sgdNesterovWeightDecay() {
    // torch.optim.SGD: g += wd x; b = g at t=1, else b = mu b + (1 - dampening) g; nesterov: g = g + mu b; x -= lr g
    double lr = 0.01, mu = 0.9, wd = 0.01;
    double[] b = new double[2];
    compare("sgd(lr=0.01, momentum=0.9, nesterov=true, weight_decay=0.01)", (x, g, t) -> {
      for (int i = 0; i < 2; i++) {
        double gi = g[i] + wd * x[i];
        b[i] = t == 1 ? gi : mu * b[i] + gi;
        gi = gi + mu * b[i];
        x[i] -= lr * gi;
      }
    }, 100, 1e-10);
  }

  @Test
  void sgdDampening() {
    double lr = 0.05, mu = 0.5, damp = 0.3;
    double[] b = new double[2];
    compare("sgd(lr=0.05, momentum=0.5, dampening=0.3)", (x, g, t) -> {
      for (int i = 0; i < 2; i++) {
        b[i] = t == 1 ? g[i] : mu * b[i] + (1 - damp) * g[i];
        x[i] -= lr * b[i];
      }
    }, 100, 1e-10);
  }

  @Test
  void adamWithStepSchedule() {
    // step_lr(0.1, 5, gamma=0.5): update t uses 0.1 * 0.5^floor((t-1)/5) (StepLR counted in updates)
    double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double[] m = new double[2], v = new double[2];
    compare("adam(lr=step_lr(0.1, 5, gamma=0.5))", (x, g, t) -> {
      double lr = 0.1 * Math.pow(0.5, Math.floor((t - 1) / 5.0));
      double bc1 = 1 - Math.pow(b1, t), bc2 = 1 - Math.pow(b2, t);
      for (int i = 0; i < 2; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        x[i] -= lr / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + eps);
      }
    }, 100, 1e-10);
  }

  // ---- weight decay (L2: g += wd*x before the update, as in torch.optim) and other options ----

  static Rule l2(double wd, Rule inner) {
    return (x, g, t) -> {
      double[] gg = {g[0] + wd * x[0], g[1] + wd * x[1]};
      inner.step(x, gg, t);
    };
  }

  @Test
  void adamL2() {
    compare("adam(lr=0.1, weight_decay=0.1)", l2(0.1, adam(0.1, 0.9, 0.999, 1e-8, false, 0)), 100, 1e-10);
  }

  @Test
  void adamBetas() {
    compare("adam(lr=0.05, beta1=0.5, beta2=0.9, eps=0.001)", adam(0.05, 0.5, 0.9, 0.001, false, 0), 100, 1e-10);
  }

  @Test
  void adagradAllOptions() {
    // torch.optim.Adagrad: g += wd x; clr = lr/(1 + (t-1) lr_decay); s starts at initial_accumulator_value
    double lr = 0.5, decay = 0.1, eps = 1e-10;
    double[] s = {0.3, 0.3};
    compare("adagrad(lr=0.5, lr_decay=0.1, weight_decay=0.05, initial_accumulator_value=0.3)", l2(0.05, (x, g, t) -> {
      double clr = lr / (1 + (t - 1) * decay);
      for (int i = 0; i < 2; i++) {
        s[i] += g[i] * g[i];
        x[i] -= clr * g[i] / (Math.sqrt(s[i]) + eps);
      }
    }), 100, 1e-10);
  }

  @Test
  void rmspropPlainWithDecay() {
    double lr = 0.01, a = 0.9, eps = 1e-8;
    double[] v = new double[2];
    compare("rmsprop(lr=0.01, alpha=0.9, weight_decay=0.1)", l2(0.1, (x, g, t) -> {
      for (int i = 0; i < 2; i++) {
        v[i] = a * v[i] + (1 - a) * g[i] * g[i];
        x[i] -= lr * g[i] / (Math.sqrt(v[i]) + eps);
      }
    }), 100, 1e-10);
  }

  @Test
  void rmspropMomentumNotCentered() {
    double lr = 0.01, a = 0.99, eps = 1e-8, mu = 0.9;
    double[] v = new double[2], b = new double[2];
    compare("rmsprop(lr=0.01, momentum=0.9)", (x, g, t) -> {
      for (int i = 0; i < 2; i++) {
        v[i] = a * v[i] + (1 - a) * g[i] * g[i];
        b[i] = mu * b[i] + g[i] / (Math.sqrt(v[i]) + eps);
        x[i] -= lr * b[i];
      }
    }, 100, 1e-10);
  }

  @Test
  void adamaxWithDecay() {
    double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double[] m = new double[2], u = new double[2];
    compare("adamax(lr=0.1, weight_decay=0.2)", l2(0.2, (x, g, t) -> {
      for (int i = 0; i < 2; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        u[i] = Math.max(b2 * u[i], Math.abs(g[i]) + eps);
        x[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / u[i];
      }
    }), 100, 1e-10);
  }

  @Test
  void radamLonger() {
    // 50 steps of radam(lr=0.1): long enough for both branches (rho_t > 5 from t = 6 on)
    double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double[] m = new double[2], v = new double[2];
    compare("radam(lr=0.1, weight_decay=0.01)", l2(0.01, (x, g, t) -> {
      double bc1 = 1 - Math.pow(b1, t), bc2 = 1 - Math.pow(b2, t);
      double rhoInf = 2 / (1 - b2) - 1;
      double rho = rhoInf - 2 * t * Math.pow(b2, t) / bc2;
      for (int i = 0; i < 2; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double mhat = m[i] / bc1;
        if (rho > 5) {
          double r = Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
          x[i] -= lr * mhat * r * Math.sqrt(bc2) / (Math.sqrt(v[i]) + eps);
        } else {
          x[i] -= lr * mhat;
        }
      }
    }), 50, 1e-10);
  }

  @Test
  void nadamWithDecayAndMomentumDecay() {
    double lr = 0.05, b1 = 0.8, b2 = 0.99, eps = 1e-8, psi = 0.1;
    double[] m = new double[2], v = new double[2];
    double[] muProduct = {1};
    compare("nadam(lr=0.05, beta1=0.8, beta2=0.99, weight_decay=0.1, momentum_decay=0.1)", l2(0.1, (x, g, t) -> {
      double mu = b1 * (1 - 0.5 * Math.pow(0.96, t * psi));
      double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
      muProduct[0] *= mu;
      double bc2 = 1 - Math.pow(b2, t);
      for (int i = 0; i < 2; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double denom = Math.sqrt(v[i] / bc2) + eps;
        x[i] -= lr * ((1 - mu) * g[i] / (1 - muProduct[0]) + muNext * m[i] / (1 - muProduct[0] * muNext)) / denom;
      }
    }), 100, 1e-10);
  }

  @Test
  void momentumWithWarmup() {
    double[] v = new double[2];
    compare("momentum(lr=linear_warmup(0.1, 5), beta=0.5)", (x, g, t) -> {
      double lr = 0.1 * Math.min(1, t / 5.0);
      for (int i = 0; i < 2; i++) {
        v[i] = 0.5 * v[i] + 0.5 * g[i];
        x[i] -= lr * v[i];
      }
    }, 100, 1e-10);
  }
}
