package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C seen inside an evaluation: the objective throws an exception it marks as an interrupt
 * ({@link Objective#isInterrupt}), as compiled code does, and the run ends "interrupted" at its
 * last accepted iterate with the path so far; other exceptions still propagate.
 */
class ObjectiveInterruptTest {
  /** Thrown by the objectives below at a chosen evaluation. */
  static final class Stop extends RuntimeException {
    Stop() {
      super("stop", null, false, false);
    }
  }

  /** Rosenbrock's function, stopping at evaluation {@code at} (1-based). */
  static final class Stopping implements Objective {
    final Objective q = new SecondOrderTest.Rosenbrock();
    final long at;
    final boolean marked;
    long calls;

    Stopping(long at, boolean marked) {
      this.at = at;
      this.marked = marked;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      if (++calls == at) throw marked ? new Stop() : new IllegalStateException("broken");
      return q.valueAndGradient(x, g);
    }

    @Override
    public boolean hasHessian() {
      return true;
    }

    @Override
    public void hessian(double[] x, double[] h) {
      q.hessian(x, h);
    }

    @Override
    public boolean isInterrupt(RuntimeException e) {
      return marked && e instanceof Stop;
    }
  }

  static void endsAtTheLastIterate(Result r, Objective f) {
    assertThat(r.status()).isEqualTo(Result.INTERRUPTED);
    assertThat(r.x()).containsExactly(r.path()[r.path().length - 1]);
    assertThat(r.pathIterations()[r.path().length - 1]).isEqualTo(r.iterations());
    double[] g = new double[2];
    assertThat(new SecondOrderTest.Rosenbrock().valueAndGradient(r.x(), g)).isEqualTo(r.f());
    assertThat(r.grad()).containsExactly(g);
    assertThat(r.values()[r.values().length - 1]).isEqualTo(r.f());
  }

  @Test
  void aFirstOrderRunKeepsTheIteratesBeforeTheInterruptedEvaluation() {
    Stopping f = new Stopping(5, true);
    Result r = Minimizer.run(f, new double[] {-1.2, 1}, Methods.create("gd", Map.of("lr", 1e-4)),
        RunOptions.defaults().withSteps(100));
    // evaluations 1..4 are the start and iterates 1..3; the 5th was iterate 4's
    assertThat(r.iterations()).isEqualTo(3);
    assertThat(r.path()).hasNumberOfRows(4);
    assertThat(r.message()).isEqualTo("Interrupted during iteration 4.");
    endsAtTheLastIterate(r, f);
  }

  @Test
  void aLineSearchStoppedMidwayKeepsTheLastAcceptedPoint() {
    for (String method : new String[] {"lbfgs", "bfgs", "cg", "newton", "newton_cg"}) {
      Stopping f = new Stopping(7, true);
      Result r = Minimizer.run(f, new double[] {-1.2, 1}, Methods.create(method, Map.of()),
          RunOptions.defaults());
      assertThat(r.message()).as(method).startsWith("Interrupted during iteration ");
      assertThat(r.iterations()).as(method).isPositive();
      endsAtTheLastIterate(r, f);
    }
  }

  @Test
  void anInterruptAtTheStartLeavesTheStartWithUnknownValues() {
    Result r = Minimizer.run(new Stopping(1, true), new double[] {-3, -1},
        Methods.create("adam", Map.of()), RunOptions.defaults());
    assertThat(r.status()).isEqualTo(Result.INTERRUPTED);
    assertThat(r.message()).isEqualTo("Interrupted while evaluating the start.");
    assertThat(r.iterations()).isZero();
    assertThat(r.x()).containsExactly(-3, -1);
    assertThat(r.path()).hasNumberOfRows(1);
    assertThat(r.f()).isNaN();
  }

  @Test
  void otherExceptionsPropagate() {
    assertThatThrownBy(() -> Minimizer.run(new Stopping(3, false), new double[] {-3, -1},
        Methods.create("gd", Map.of()), RunOptions.defaults()))
        .isInstanceOf(IllegalStateException.class).hasMessage("broken");
  }

  @Test
  void aDataRunGoesBackToTheLastEpochBoundary() {
    // 10 rows in batches of 5: each epoch is 2 minibatches and one full-data evaluation, after
    // the start's; the 5th minibatch is epoch 3's first
    DataRunTest.Regression rows = new DataRunTest.Regression() {
      int batches;

      @Override
      public double batchValueAndGradient(double[] x, int[] order, int from, int to, double[] g) {
        if (++batches == 5) throw new Stop();
        return super.batchValueAndGradient(x, order, from, to, g);
      }

      @Override
      public boolean isInterrupt(RuntimeException e) {
        return e instanceof Stop;
      }
    };
    Result r = Minimizer.run(rows, new double[] {0, 0}, Methods.create("sgd", Map.of("lr", 0.005)),
        RunOptions.defaults().withBatch(5).withEpochs(10).withGtol(0));
    assertThat(r.status()).isEqualTo(Result.INTERRUPTED);
    assertThat(r.message()).isEqualTo("Interrupted during update 5; the result is the end of epoch 2"
        + " (update 4), the last point whose full-data loss is known.");
    assertThat(r.iterations()).isEqualTo(4);
    assertThat(r.epochs()).isEqualTo(2);
    assertThat(r.batchLosses()).hasSize(4);
    assertThat(r.x()).containsExactly(r.path()[r.path().length - 1]);
    double[] g = new double[2];
    assertThat(new DataRunTest.Regression().valueAndGradient(r.x(), g)).isEqualTo(r.f());
    assertThat(r.grad()).containsExactly(g);
  }
}
