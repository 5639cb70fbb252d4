package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Newton, BFGS, L-BFGS and CG on Rosenbrock and on a saddle. */
class SecondOrderTest {
  static final class Rosenbrock implements Objective {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
      double x = p[0], y = p[1];
      g[0] = -400 * x * (y - x * x) - 2 * (1 - x);
      g[1] = 200 * (y - x * x);
      return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x);
    }

    @Override
    public boolean hasHessian() {
      return true;
    }

    @Override
    public void hessian(double[] p, double[] h) {
      double x = p[0], y = p[1];
      h[0] = 1200 * x * x - 400 * y + 2;
      h[1] = -400 * x;
      h[2] = -400 * x;
      h[3] = 200;
    }
  }

  /** f = x² - y²: a saddle at the origin. */
  static final class Saddle implements Objective {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double valueAndGradient(double[] p, double[] g) {
      g[0] = 2 * p[0];
      g[1] = -2 * p[1];
      return p[0] * p[0] - p[1] * p[1];
    }

    @Override
    public boolean hasHessian() {
      return true;
    }

    @Override
    public void hessian(double[] p, double[] h) {
      h[0] = 2;
      h[1] = 0;
      h[2] = 0;
      h[3] = -2;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lbfgs", "bfgs", "cg", "newton"})
  void rosenbrockFromClassicStart(String name) {
    Result r = Minimizer.run(new Rosenbrock(), new double[] {-1.2, 1}, Methods.create(name, Map.of()),
        RunOptions.defaults().withSteps(2000));
    assertThat(r.status()).as(r.message()).isEqualTo("converged");
    assertThat(r.x()[0]).isCloseTo(1, within(1e-5));
    assertThat(r.x()[1]).isCloseTo(1, within(1e-5));
    assertThat(r.gnorm()).isLessThanOrEqualTo(1e-6);
    System.out.printf("rosenbrock %-8s iterations %4d evaluations %4d%n", name, r.iterations(),
        r.evaluations());
  }

  @Test
  void pureNewtonLandsOnTheSaddle() {
    Result r = Minimizer.run(new Saddle(), new double[] {1, 1},
        Methods.create("newton", Map.of("line_search", false, "modify", false)),
        RunOptions.defaults());
    assertThat(r.iterations()).isEqualTo(1);
    assertThat(r.x()).containsExactly(0, 0);
    assertThat(r.status()).isEqualTo("converged");
  }

  @Test
  void modifiedNewtonMovesAwayFromTheSaddle() {
    Result r = Minimizer.run(new Saddle(), new double[] {1, 1}, Methods.create("newton", Map.of()),
        RunOptions.defaults().withSteps(1));
    assertThat(r.iterations()).isEqualTo(1);
    assertThat(Math.abs(r.x()[1])).isGreaterThan(1);
    assertThat(r.f()).isLessThan(0);
  }

  @Test
  void newtonOnAQuadraticTakesOneStep() {
    Result r = Minimizer.run(new Quadratic(), Quadratic.START.clone(),
        Methods.create("newton", Map.of()), RunOptions.defaults());
    assertThat(r.iterations()).isEqualTo(1);
    assertThat(r.x()[0]).isCloseTo(97.0 / 39, within(1e-12));
    assertThat(r.x()[1]).isCloseTo(1.0 / 39, within(1e-12));
  }
}
