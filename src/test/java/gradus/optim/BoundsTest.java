package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounds (SPEC §10.5) on the chapter's quadratic f = x² + xy + 10y² − 5x − 3y, whose unbounded
 * minimum (97/39, 1/39) lies outside the box x ≤ 1, 0 ≤ y ≤ 3. The bounded minimum is the KKT
 * point (1, 0.1): there ∂f/∂y = x + 20y − 3 = 0 and ∂f/∂x = 2x + y − 5 = −2.9 < 0 pushes x against
 * its upper bound, so the projected gradient vanishes.
 */
class BoundsTest {
  static final Bounds BOX = Bounds.of(new double[] {Double.NEGATIVE_INFINITY, 0}, new double[] {1, 3});
  static final double[] KKT = {1, 0.1};

  @Test
  void everyMethodStaysInTheBoxAndEndsAtTheKktPoint() {
    for (String name : Methods.specs().keySet()) {
      Map<String, Object> args = new HashMap<>();
      if (Methods.specs().get(name).param("lr") != null && !name.equals("adadelta")) args.put("lr", 0.05);
      Method m = Methods.create(name, args);
      Result r = Minimizer.run(new Quadratic(), new double[] {-3, 2}, m,
          RunOptions.defaults().withBounds(BOX).withSteps(50_000).withGtol(1e-7));
      for (double[] x : r.path()) assertThat(BOX.contains(x)).as("%s iterate %s in the box", name, java.util.Arrays.toString(x)).isTrue();
      // adadelta's steps start at sqrt(eps) = 1e-3 and grow slowly: it stays in the box but is still far after 50000
      if (name.equals("adadelta")) continue;
      if (name.equals("nelder_mead")) {
        // its clipped simplex collapses onto y = 0, exactly as SciPy's does: minimize(f, [-3, 2],
        // method="Nelder-Mead", bounds=[(-inf, 1), (0, 3)]) ends at [1, 0] after 30 evaluations
        assertThat(r.x()).containsExactly(1, 0);
        assertThat(r.evaluations()).isEqualTo(30);
        continue;
      }
      double tol = 1e-5;
      assertThat(r.x()[0]).as("%s x (%s)", name, r.message()).isCloseTo(KKT[0], within(tol));
      assertThat(r.x()[1]).as("%s y (%s)", name, r.message()).isCloseTo(KKT[1], within(tol));
      assertThat(r.status()).as("%s: %s", name, r.message()).isEqualTo(Result.CONVERGED);
      // the reported gradient is the projected one: 0 where the bound holds x
      assertThat(r.grad()[0]).as(name).isEqualTo(0.0);
      assertThat(r.gnorm()).as(name).isLessThanOrEqualTo(1e-7);
      assertThat(r.message()).as(name).contains("projected gradient");
    }
  }

  @Test
  void projectedGradientIsCutAtTheBoundItPointsAt() {
    Bounds b = Bounds.of(new double[] {0, 0, 0}, new double[] {1, 1, 1});
    double[] out = new double[3];
    // x1 at its lower bound with g pushing down: 0; x2 inside: g; x3 0.25 from the upper bound: -0.25
    b.projectedGradient(new double[] {0, 0.5, 0.75}, new double[] {2, -3, -1}, out);
    assertThat(out).containsExactly(0, -0.5, -0.25);
    assertThat(b.projectedNormInf(new double[] {0, 0.5, 0.75}, new double[] {2, -3, -1})).isEqualTo(0.5);
    // at an upper bound with the gradient pointing inward, the full component counts
    b.projectedGradient(new double[] {1, 1, 1}, new double[] {2, 0, -1}, out);
    assertThat(out).containsExactly(1, 0, 0);
  }

  @Test
  void aStepToTheBoxsEdgeLandsExactlyOnIt() {
    // bfgs's second step on the quadratic: x + a·d at the largest feasible a rounds to just inside
    double[] x = {-2.7415485140805544, 1.0236277198598727};
    double[] d = {10.864590730620629, -1.1323738829964478};
    double a = BOX.maxStep(x, d);
    assertThat(x[0] + a * d[0]).isLessThan(1);
    double[] out = new double[2];
    BOX.step(x, a, d, out);
    assertThat(out[0]).isEqualTo(1.0);
    assertThat(out[1]).isEqualTo(x[1] + a * d[1]);
    // the free coordinates' gradient: x at its upper bound with g pushing up is blocked
    boolean[] blocked = new boolean[2];
    double[] free = new double[2];
    assertThat(BOX.freeGradient(out, new double[] {-2.9, 0.5}, blocked, free)).isEqualTo(1);
    assertThat(blocked).containsExactly(true, false);
    assertThat(free).containsExactly(0, 0.5);
  }

  @Test
  void aStartOutsideTheBoxIsClippedAndTheMessageSaysSo() {
    Result r = Minimizer.run(new Quadratic(), new double[] {5, -2}, Methods.create("lbfgs", Map.of()),
        RunOptions.defaults().withBounds(BOX));
    assertThat(r.path()[0]).containsExactly(1, 0);
    assertThat(r.message()).endsWith("The start was outside the bounds: 2 coordinates were clipped to them.");
    Result inside = Minimizer.run(new Quadratic(), new double[] {0, 1}, Methods.create("lbfgs", Map.of()),
        RunOptions.defaults().withBounds(BOX));
    assertThat(inside.message()).doesNotContain("clipped");
    assertThat(inside.x()[1]).isCloseTo(0.1, within(1e-6));
  }

  @Test
  void badBoundsNameTheArgument() {
    assertThatThrownBy(() -> Bounds.of(new double[] {2}, new double[] {1})).isInstanceOf(BadArgument.class)
        .hasMessage("the lower bound 2 is above the upper bound 1")
        .extracting(e -> ((BadArgument) e).parameter()).isEqualTo("bounds");
    assertThatThrownBy(() -> Bounds.of(new double[] {0, Double.NaN}, new double[] {1, 1}))
        .hasMessage("bounds must be numbers or -inf/inf, got nan of coordinate 2");
    assertThatThrownBy(() -> Bounds.of(new double[] {Double.POSITIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY}))
        .hasMessageEndingWith("contain no number");
    assertThatThrownBy(() -> Minimizer.run(new Quadratic(), new double[] {0, 0}, Methods.create("gd", Map.of()),
        RunOptions.defaults().withBounds(Bounds.uniform(3, 0, 1))))
        .hasMessage("bounds give 3 intervals but the function takes 2 numbers");
  }

  @Test
  void firstOrderStepsAreProjectedInDataRunsToo() {
    DataRunTest.Regression d = new DataRunTest.Regression();
    Bounds box = Bounds.uniform(d.dimension(), -0.5, 0.5);
    Result r = Minimizer.run(d, new double[d.dimension()], Methods.create("sgd", Map.of("lr", 0.1)),
        RunOptions.defaults().withBounds(box).withBatch(4).withEpochs(20));
    for (double[] x : r.path()) assertThat(box.contains(x)).isTrue();
    assertThat(r.gnorm()).isEqualTo(box.projectedNormInf(r.x(), gradient(d, r.x())));
  }

  static double[] gradient(Objective f, double[] x) {
    double[] g = new double[x.length];
    f.valueAndGradient(x, g);
    return g;
  }
}
