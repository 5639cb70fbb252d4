package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Run accounting and stopping rules of SPEC §9 "Runs". */
class RunsTest {
  static RunOptions opts() {
    return RunOptions.defaults();
  }

  static Method m(String name, Map<String, Object> args) {
    return Methods.create(name, args);
  }

  /** f = sum(x): the gradient is all ones everywhere, so gd never converges. */
  static final class Slope implements Objective {
    int calls;

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      calls++;
      g[0] = 1;
      g[1] = 1;
      return x[0] + x[1];
    }
  }

  @Test
  void gdFiftyStepsMakesFiftyOneEvaluations() {
    Slope f = new Slope();
    Result r = Minimizer.run(f, new double[] {0, 0}, m("gd", Map.of()), opts().withSteps(50));
    assertThat(r.iterations()).isEqualTo(50);
    assertThat(r.evaluations()).isEqualTo(51);
    assertThat(f.calls).isEqualTo(51);
    assertThat(r.path()).hasNumberOfRows(51);
    assertThat(r.values()).hasSize(51);
    assertThat(r.path()[0]).containsExactly(0, 0);
    assertThat(r.status()).isEqualTo("max_steps");
    assertThat(r.method()).isEqualTo("gd()");
    assertThat(r.label()).isEqualTo("gd()");
    assertThat(r.x()[0]).isCloseTo(-0.5, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void convergedStartTakesZeroIterations() {
    double[] min = {97.0 / 39, 1.0 / 39};
    Quadratic q = new Quadratic();
    double[] g = new double[2];
    q.valueAndGradient(min, g);
    assertThat(Math.max(Math.abs(g[0]), Math.abs(g[1]))).isLessThan(1e-6);
    for (String name : List.of("gd", "adam", "lbfgs", "bfgs", "cg", "newton")) {
      Result r = Minimizer.run(q, min.clone(), m(name, Map.of()), opts());
      assertThat(r.iterations()).as(name).isZero();
      assertThat(r.evaluations()).as(name).isEqualTo(1);
      assertThat(r.status()).isEqualTo("converged");
      assertThat(r.path()).hasNumberOfRows(1);
    }
  }

  @Test
  void gdWithLargeRateDiverges() {
    Result r = Minimizer.run(new Quadratic(), Quadratic.START.clone(), m("gd", Map.of("lr", 1)),
        opts());
    assertThat(r.status()).isEqualTo("diverged");
    assertThat(r.message()).contains("Step " + (r.iterations() + 1)).contains("smaller learning rate");
    assertThat(Double.isFinite(r.f())).isTrue();
    assertThat(Vec.finite(r.x())).isTrue();
    assertThat(r.path()).hasNumberOfRows((int) r.iterations() + 1);
    assertThat(r.path()[r.path().length - 1]).containsExactly(r.x());
  }

  @Test
  void gnormExcludesWeightDecay() {
    Result r = Minimizer.run(new Slope(), new double[] {3, 4},
        m("sgd", Map.of("lr", 0.1, "weight_decay", 10)), opts().withSteps(1));
    assertThat(r.gnorm()).isEqualTo(1);
    assertThat(r.grad()).containsExactly(1, 1);
  }

  @Test
  void interruptKeepsThePathSoFar() {
    AtomicBoolean flag = new AtomicBoolean();
    Objective f = new Objective() {
      int calls;

      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public double valueAndGradient(double[] x, double[] g) {
        if (++calls == 6) flag.set(true);
        g[0] = 1;
        g[1] = 1;
        return x[0] + x[1];
      }
    };
    Result r = Minimizer.run(f, new double[] {0, 0}, m("gd", Map.of()), opts().withInterrupt(flag));
    assertThat(r.status()).isEqualTo("interrupted");
    assertThat(r.iterations()).isEqualTo(5);
    assertThat(r.path()).hasNumberOfRows(6);
  }

  @Test
  void recordKeepsEveryKthAndTheLast() {
    Result r = Minimizer.run(new Slope(), new double[] {0, 0}, m("gd", Map.of()),
        opts().withSteps(10).withRecord(3));
    assertThat(r.pathIterations()).containsExactly(0, 3, 6, 9, 10);
    assertThat(r.path()[4][0]).isEqualTo(r.x()[0]);
  }

  @Test
  void longRunsThinThePathEvenly() {
    Result r = Minimizer.run(new Slope(), new double[] {0, 0}, m("gd", Map.of()),
        opts().withSteps(250_000));
    long[] its = r.pathIterations();
    assertThat(its.length).isLessThanOrEqualTo(PathRecorder.MAX_ROWS + 1);
    assertThat(its[0]).isZero();
    assertThat(its[its.length - 1]).isEqualTo(250_000);
    long stride = its[1] - its[0];
    for (int i = 1; i < its.length - 1; i++) assertThat(its[i] - its[i - 1]).isEqualTo(stride);
    assertThat(r.path()).hasNumberOfRows(its.length);
    assertThat(r.values()).hasSize(its.length);
  }

  @Test
  void aHundredThousandIterationsKeepEveryIterate() {
    Result r = Minimizer.run(new Slope(), new double[] {0, 0}, m("gd", Map.of()),
        opts().withSteps(100_000));
    assertThat(r.path()).hasNumberOfRows(100_001);
  }

  @Test
  void startOfWrongSizeIsRejected() {
    assertThatThrownBy(() -> Minimizer.run(new Slope(), new double[] {1}, m("gd", Map.of()), opts()))
        .hasMessage("the start has 1 numbers but the function takes 2");
  }

  @Test
  void newtonNeedsAHessian() {
    assertThatThrownBy(() -> Minimizer.run(new Slope(), new double[] {1, 1}, m("newton", Map.of()),
        opts())).hasMessageContaining("newton needs the Hessian");
  }

  @Test
  void compareLabelsEachRun() {
    List<Result> rs = Minimizer.compare(new Quadratic(), Quadratic.START,
        List.of(m("gd", Map.of("lr", 0.05)), m("lbfgs", Map.of())), opts());
    assertThat(rs).extracting(Result::label).containsExactly("gd(lr=0.05)", "lbfgs()");
    assertThat(rs).extracting(Result::status).containsOnly("converged");
  }

  @Test
  void evaluationsCountLineSearchTrials() {
    int[] calls = {0};
    Quadratic q = new Quadratic();
    Objective counted = new Objective() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public double valueAndGradient(double[] x, double[] g) {
        calls[0]++;
        return q.valueAndGradient(x, g);
      }
    };
    Result r = Minimizer.run(counted, Quadratic.START.clone(), m("bfgs", Map.of()), opts());
    assertThat(r.status()).isEqualTo("converged");
    assertThat(r.evaluations()).isEqualTo(calls[0]);
  }

  @Test
  void denseMethodsRefuseHugeDimensions() {
    Objective big = new Objective() {
      @Override
      public int dimension() {
        return 10_000;
      }

      @Override
      public double valueAndGradient(double[] x, double[] g) {
        return 0;
      }
    };
    assertThatThrownBy(() -> Minimizer.run(big, new double[10_000], m("bfgs", Map.of()), opts()))
        .hasMessage("bfgs stores a dense 10000x10000 matrix, too large for 10000 variables"
            + " (at most 5000); use lbfgs or cg");
    assertThat(Minimizer.run(big, new double[10_000], m("lbfgs", Map.of()), opts()).status())
        .isEqualTo("converged");
  }

  @Test
  void fullBatchLoopDoesNotAllocatePerStep() {
    for (String name : List.of("adam", "gd", "rmsprop")) {
      Method m = m(name, Map.of("lr", 1e-4));
      RunOptions few = opts().withGtol(0).withSteps(1000).withRecord(1 << 30);
      RunOptions many = few.withSteps(21_000);
      Objective f = new SecondOrderTest.Rosenbrock();
      Minimizer.run(f, new double[] {-1.2, 1}, m, many); // warm up
      long small = DataRunTest.allocatedBytes(() -> Minimizer.run(f, new double[] {-1.2, 1}, m, few));
      long large = DataRunTest.allocatedBytes(() -> Minimizer.run(f, new double[] {-1.2, 1}, m, many));
      assertThat((double) (large - small) / 20_000).as(name).isLessThan(1);
    }
  }
}
