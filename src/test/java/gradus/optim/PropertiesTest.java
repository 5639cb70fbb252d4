package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class PropertiesTest {
  static Result run(Method m, double[] start, int steps) {
    return Minimizer.run(new Quadratic(), start, m, RunOptions.defaults().withSteps(steps).withGtol(0));
  }

  @Property(tries = 50)
  void adamEqualsAdamwWithoutDecay(@ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 0.5) double lr,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 0.99) double beta1,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 0.9999) double beta2,
      @ForAll boolean amsgrad,
      @ForAll @Scale(6) @DoubleRange(min = -5, max = 5) double x0) {
    Map<String, Object> a = Map.of("lr", lr, "beta1", beta1, "beta2", beta2, "amsgrad", amsgrad);
    Map<String, Object> w = Map.of("lr", lr, "beta1", beta1, "beta2", beta2, "amsgrad", amsgrad,
        "weight_decay", 0);
    Result ra = run(Methods.create("adam", a), new double[] {x0, 1}, 20);
    Result rw = run(Methods.create("adamw", w), new double[] {x0, 1}, 20);
    assertThat(Arrays.deepEquals(ra.path(), rw.path())).isTrue();
  }

  @Property(tries = 50)
  void sgdWithoutMomentumIsGd(@ForAll @Scale(6) @DoubleRange(min = 1e-4, max = 0.09) double lr,
      @ForAll @IntRange(min = 0, max = 30) int steps) {
    Result s = run(Methods.create("sgd", Map.of("lr", lr)), Quadratic.START.clone(), steps);
    Result g = run(Methods.create("gd", Map.of("lr", lr)), Quadratic.START.clone(), steps);
    assertThat(Arrays.deepEquals(s.path(), g.path())).isTrue();
  }

  /** Every accepted step of the line search meets the strong Wolfe conditions or is flagged weak. */
  @Property(tries = 100)
  void strongWolfeHolds(@ForAll @Scale(6) @DoubleRange(min = -10, max = 10) double x,
      @ForAll @Scale(6) @DoubleRange(min = -10, max = 10) double y,
      @ForAll @Scale(6) @DoubleRange(min = 1e-3, max = 100) double alpha1) {
    Objective f = new SecondOrderTest.Rosenbrock();
    Evaluator ev = new Evaluator(f);
    Iterate cur = new Iterate(2);
    Iterate next = new Iterate(2);
    cur.x[0] = x;
    cur.x[1] = y;
    cur.f = ev.eval(cur.x, cur.g);
    if (Vec.normInf(cur.g) == 0) return;
    double[] d = {-cur.g[0], -cur.g[1]};
    double derphi0 = Vec.dot(cur.g, d);
    StrongWolfe ls = new StrongWolfe(ev, 2, 1e-4, 0.9);
    double a = ls.search(cur, d, derphi0, alpha1 / Vec.norm2(d), next);
    assertThat(a).isGreaterThan(0);
    assertThat(next.f).isLessThanOrEqualTo(cur.f + 1e-4 * a * derphi0);
    if (!ls.weak) assertThat(Math.abs(Vec.dot(next.g, d))).isLessThanOrEqualTo(0.9 * -derphi0);
    double[] check = new double[2];
    assertThat(f.valueAndGradient(next.x, check)).isEqualTo(next.f);
  }
}
