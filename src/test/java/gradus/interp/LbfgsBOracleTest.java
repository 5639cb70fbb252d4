package gradus.interp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Bounded {@code lbfgs()} (L-BFGS-B) against SciPy 1.17's {@code minimize(method="L-BFGS-B")} on
 * problems whose minimizers lie on their bounds. The numbers below were computed once by
 * {@code python3 bench/lbfgsb_scipy.py} (exact gradients, {@code gtol=1e-6, ftol=0}, otherwise
 * SciPy's defaults); each problem here is the same function, start and box in Gradus. Gradus must
 * end at the same point to 1e-6 with at most 1.2 times SciPy's evaluations (and at least 1/1.2), and the coordinates
 * SciPy ends on a bound ({@code active}, 1-based) exactly on it.
 */
class LbfgsBOracleTest {
  record Case(String name, String declaration, String start, String bounds, int scipyEvaluations,
      double[] scipyX, int[] active) {}

  static final Case[] CASES = {
    new Case("rosenbrock", "f(x[2]) = sum(i in 1..1, 100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2)",
        "[-1.2, 1]", "[[-2, 0.5], [-2, 2]]", 30, new double[] {0.5, 0.25}, new int[] {1}),
    new Case("rosenbrock6", "f(x[6]) = sum(i in 1..5, 100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2)",
        "[-1.2, 1, -1.2, 1, -1.2, 1]", "[-2, 0.8]", 54, new double[] {0.8, 0.6651509758044282,
            0.4588149471073993, 0.2224737952435798, 0.0589055340510266, 0.0034698619317379614}, new int[] {1}),
    new Case("eggholder",
        "f(x, y) = -(y + 47)*sin(sqrt(abs(x/2 + y + 47))) - x*sin(sqrt(abs(x - (y + 47))))",
        "[500, 400]", "[-512, 512]", 11, new double[] {512.0, 404.23180509603895}, new int[] {1}),
    new Case("himmelblau", "f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        "[0.2, 0.3]", "[[0, 2], [0, 2.5]]", 7, new double[] {2.0, 2.4364916731022612}, new int[] {1}),
    new Case("beale", "f(x, y) = (1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        "[1, 1]", "[[-1, 2], [-1, 0.4]]", 10, new double[] {2.0, 0.17008792299328365}, new int[] {1}),
    new Case("chain", "f(x[20]) = sum(i in 1..20, (x[i] - (i - 10)/3)^2) + sum(i in 1..19, (x[i+1] - x[i])^2)",
        "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]", "[-1, 1]", 10,
        new double[] {-1, -1, -1, -1, -1, -1, -0.8730158729686133, -0.6190476189669095,
            -0.3174603177639351, -1.0895553314856291e-17, 0.3174603177639351, 0.6190476189669095,
            0.8730158729686133, 1, 1, 1, 1, 1, 1, 1}, new int[] {1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 19, 20}),
    new Case("quartic", "f(x[5]) = sum(i in 1..5, x[i]^4) + (sum(i in 1..5, x[i]) - 3)^2",
        "[2, -1, 0, 1, 0.5]", "[[-inf, 0.4], [0.5, inf], [-1, 1], [-1, 1], [-1, 1]]", 13,
        new double[] {0.4, 0.5614894829687966, 0.5614894828673723, 0.5614894814581083,
            0.561489481145368}, new int[] {1}),
  };

  @Test
  void sameMinimizerAndEvaluationsAsScipy() {
    for (Case c : CASES) {
      String[] out = Programs.run(c.declaration + "\nr = minimize(f, " + c.start + ", lbfgs(), bounds=" + c.bounds
          + ")\nprint(r.status)\nprint(r.evaluations)\nprint(r.x)\n", c.name);
      assertThat(out[0]).as("%s status", c.name).isEqualTo("converged");
      int evaluations = Integer.parseInt(out[1]);
      assertThat(evaluations).as("%s evaluations (SciPy %d)", c.name, c.scipyEvaluations)
          .isBetween((int) Math.floor(c.scipyEvaluations / 1.2), (int) Math.ceil(c.scipyEvaluations * 1.2));
      double[] x = Programs.parse(out[2]);
      assertThat(x).as("%s", c.name).hasSameSizeAs(c.scipyX);
      for (int i = 0; i < x.length; i++) {
        assertThat(Math.abs(x[i] - c.scipyX[i])).as("%s x[%d] = %s, SciPy %s", c.name, i + 1, x[i], c.scipyX[i])
            .isLessThanOrEqualTo(1e-6);
      }
      // the coordinates SciPy ends on a bound are exactly on it here too
      for (int i : c.active) assertThat(x[i - 1]).as("%s x[%d] on its bound", c.name, i).isEqualTo(c.scipyX[i - 1]);
    }
  }
}
