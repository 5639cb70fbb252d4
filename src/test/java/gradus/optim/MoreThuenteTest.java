package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Moré–Thuente search on the test functions of Moré & Thuente (1994), Section 5, against
 * SciPy's port of MINPACK-2's dcsrch: the same last step and the same number of evaluations
 * (which are also the paper's Tables 1–3 counts).
 */
class MoreThuenteTest {
  /** {name, start step, last step, evaluations} from {@code python3 bench/dcsrch_oracle.py}. */
  static final Object[][] SCIPY = {
      {"f1", 0.001, 1.365, 6},
      {"f1", 0.1, 1.4413720790892741, 3},
      {"f1", 10.0, 10.0, 1},
      {"f1", 1000.0, 36.88760696396662, 4},
      {"f2", 0.001, 1.596000000186075, 12},
      {"f2", 0.1, 1.5960000000049348, 8},
      {"f2", 10.0, 1.5959999997572032, 8},
      {"f2", 1000.0, 1.595999998872531, 11},
      {"f3", 0.001, 0.9999996797968318, 12},
      {"f3", 0.1, 0.9999988033548208, 12},
      {"f3", 10.0, 0.9999999876178056, 10},
      {"f3", 1000.0, 0.9999999017146377, 13},
  };

  /** phi(a) as a 1-D objective of x = a, with its derivative. */
  static Objective line(DoubleUnaryOperator phi, DoubleUnaryOperator dphi) {
    return new Objective() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public double valueAndGradient(double[] x, double[] g) {
        g[0] = dphi.applyAsDouble(x[0]);
        return phi.applyAsDouble(x[0]);
      }
    };
  }

  static Objective function(String name) {
    switch (name) {
      case "f1":
        return line(a -> -a / (a * a + 2), a -> (a * a - 2) / ((a * a + 2) * (a * a + 2)));
      case "f2":
        double b = 0.004;
        return line(a -> Math.pow(a + b, 5) - 2 * Math.pow(a + b, 4),
            a -> 5 * Math.pow(a + b, 4) - 8 * Math.pow(a + b, 3));
      default:
        double beta = 0.01;
        double l = 39;
        double c = 2 * (1 - beta) / (l * Math.PI);
        return line(a -> (a <= 1 - beta ? 1 - a : a >= 1 + beta ? a - 1
                : (a - 1) * (a - 1) / (2 * beta) + beta / 2) + c * Math.sin(l * Math.PI * a / 2),
            a -> (a <= 1 - beta ? -1 : a >= 1 + beta ? 1 : (a - 1) / beta)
                + c * (l * Math.PI / 2) * Math.cos(l * Math.PI * a / 2));
    }
  }

  @Test
  void matchesMinpackOnTheTestFunctionsOfThePaper() {
    for (Object[] row : SCIPY) {
      String name = (String) row[0];
      boolean loose = name.equals("f1"); // the paper's ftol: 0.001 for f1, 0.1 for f2 and f3
      Evaluator ev = new Evaluator(function(name));
      MoreThuente ls = new MoreThuente(ev, loose ? 1e-3 : 0.1, 0.1, 1e-10, 0, 1e10, 100);
      Iterate cur = new Iterate(1);
      cur.f = ev.eval(cur.x, cur.g);
      ev.evaluations = 0;
      Iterate next = new Iterate(1);
      double step = ls.search(cur, new double[] {1}, cur.g[0], (double) row[1], next);
      assertThat(ls.end).as(name + " from " + row[1]).isEqualTo(MoreThuente.End.CONVERGED);
      assertThat(step).as(name + " from " + row[1]).isCloseTo((double) row[2], within(1e-12));
      assertThat(next.x[0]).isEqualTo(step);
      assertThat(ev.evaluations).as(name + " from " + row[1]).isEqualTo((int) row[3]);
    }
  }

  @Test
  void aNonFiniteTrialCountsAsTooLong() {
    // phi = (a - 1)² but inf beyond a = 3: from step 100 the search must come back below 3
    Evaluator ev = new Evaluator(line(a -> a > 3 ? Double.POSITIVE_INFINITY : (a - 1) * (a - 1),
        a -> 2 * (a - 1)));
    MoreThuente ls = new MoreThuente(ev, 1e-4, 0.9, 1e-14, 0, 1e10, 50);
    Iterate cur = new Iterate(1);
    cur.f = ev.eval(cur.x, cur.g);
    Iterate next = new Iterate(1);
    double step = ls.search(cur, new double[] {1}, cur.g[0], 100, next);
    assertThat(ls.end).isEqualTo(MoreThuente.End.CONVERGED);
    assertThat(step).isLessThan(3);
    assertThat(next.f).isLessThan(cur.f);
  }
}
