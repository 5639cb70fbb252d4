package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code nelder_mead()} against SciPy 1.17's {@code minimize(method="Nelder-Mead")}: the numbers
 * below come from {@code python3 bench/nelder_mead_scipy.py}, run once. The same rules and the
 * same arithmetic give the same evaluations (SciPy's nfev, function values only), the same
 * iterations (SciPy's nit counts from 1, so Gradus's are nit - 1) and the same point, to rounding.
 */
class NelderMeadOracleTest {
  record Case(String name, String declaration, String start, String extra, int nfev, int nit,
      String status, double[] x) {}

  static final String ROSEN = "f(x[%d]) = sum(i in 1..%d, 100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2)";
  static final String COUPLED = "f(x[5]) = sum(i in 1..5, (x[i] - i)^2) + sum(i in 1..4, x[i]*x[i+1])";

  static final Case[] CASES = {
    new Case("rosenbrock", ROSEN.formatted(2, 1), "[-1.2, 1]", "nelder_mead()", 159, 85, "converged",
        new double[] {1.0000220217835696, 1.0000422197517715}),
    new Case("rosenbrock_tight", ROSEN.formatted(2, 1), "[0, 0]", "nelder_mead(xatol=1e-8, fatol=1e-8)", 206, 110,
        "converged", new double[] {1.0000000014249906, 1.00000000277125}),
    new Case("rosenbrock_bounded", ROSEN.formatted(2, 1), "[-1.2, 1]", "nelder_mead(), bounds=[[-2, 0.5], [-1, 2]]",
        119, 65, "converged", new double[] {0.5, 0.2500195980022476}),
    new Case("coupled5", COUPLED, "[0, 0, 0, 0, 0]", "nelder_mead()", 779, 470, "converged",
        new double[] {0.7365394407825223, 0.4177528342490858, 2.5543380495578067, 0.4366743288053244, 4.784821447648948}),
    new Case("coupled5_adaptive", COUPLED, "[0, 0, 0, 0, 0]", "nelder_mead(adaptive=true)", 922, 540, "converged",
        new double[] {0.99999894012321, -1.1915624340227823e-06, 3.0000188955966927, -3.065381955683385e-05,
            5.000044326305604}),
    new Case("rosenbrock8_maxfev", ROSEN.formatted(8, 7), "[-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1]", "nelder_mead()",
        1600, 1086, "max_steps", new double[] {-0.9929191035999647, 0.9959238832763065, 0.9968526858548747,
            0.9961960843783201, 0.9936181880410613, 0.9878503550771652, 0.9760939974250116, 0.9527910513032558}),
  };

  @Test
  void sameEvaluationsIterationsAndPointAsScipy() {
    for (Case c : CASES) {
      String[] out = Programs.run(c.declaration + "\nr = minimize(f, " + c.start + ", " + c.extra
          + ")\nprint(r.status)\nprint(r.evaluations)\nprint(r.iterations)\nprint(r.x)\n", c.name);
      assertThat(out[0]).as("%s status", c.name).isEqualTo(c.status);
      assertThat(Integer.parseInt(out[1])).as("%s evaluations", c.name).isEqualTo(c.nfev);
      // a run stopped by the evaluation cap ends inside an iteration SciPy does not count
      int iterations = Integer.parseInt(out[2]);
      assertThat(iterations).as("%s iterations", c.name).isBetween(c.nit - 1, c.nit);
      double[] x = Programs.parse(out[3]);
      for (int i = 0; i < x.length; i++) {
        assertThat(Math.abs(x[i] - c.x[i])).as("%s x[%d] = %s, SciPy %s", c.name, i + 1, x[i], c.x[i])
            .isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(c.x[i])));
      }
    }
  }
}
