package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Data runs (SPEC §9): minibatches, epochs, seeds, accounting. */
class DataRunTest {
  /** Least squares: loss_i(w, b) = (w*u_i + b - v_i)², ten rows. Records the rows it is given. */
  static class Regression implements BatchObjective {
    final double[] u = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    final double[] v = {1, 3.1, 4.9, 7.2, 8.8, 11.1, 13, 15.2, 16.8, 19.1};
    final List<int[]> batches = new ArrayList<>();
    int full;

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public int rows() {
      return u.length;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      full++;
      int[] all = new int[u.length];
      for (int i = 0; i < all.length; i++) all[i] = i;
      return mean(x, all, 0, all.length, g);
    }

    @Override
    public double batchValueAndGradient(double[] x, int[] rows, int from, int to, double[] g) {
      batches.add(Arrays.copyOfRange(rows, from, to));
      return mean(x, rows, from, to, g);
    }

    double mean(double[] x, int[] rows, int from, int to, double[] g) {
      double s = 0;
      g[0] = 0;
      g[1] = 0;
      for (int k = from; k < to; k++) {
        int i = rows[k];
        double r = x[0] * u[i] + x[1] - v[i];
        s += r * r;
        g[0] += 2 * r * u[i];
        g[1] += 2 * r;
      }
      int m = to - from;
      g[0] /= m;
      g[1] /= m;
      return s / m;
    }
  }

  static RunOptions data(int batch, int epochs) {
    return RunOptions.defaults().withBatch(batch).withEpochs(epochs).withGtol(0);
  }

  static Method sgd(double lr) {
    return Methods.create("sgd", Map.of("lr", lr));
  }

  @Test
  void epochAndBatchAccounting() {
    Regression f = new Regression();
    Result r = Minimizer.run(f, new double[] {0, 0}, sgd(0.005), data(3, 2).withSeed(7));
    // 10 rows in batches of 3: 3, 3, 3, 1 per epoch
    assertThat(r.iterations()).isEqualTo(8);
    assertThat(r.batchLosses()).hasSize(8);
    assertThat(r.values()).hasSize(3);
    assertThat(r.evaluations()).isEqualTo(8 + 3);
    assertThat(r.epochs()).isEqualTo(2);
    assertThat(r.path()).hasNumberOfRows(9);
    assertThat(r.status()).isEqualTo("max_steps");
    assertThat(f.batches).extracting(b -> b.length).containsExactly(3, 3, 3, 1, 3, 3, 3, 1);
    for (int e = 0; e < 2; e++) {
      int[] seen = f.batches.subList(4 * e, 4 * e + 4).stream().flatMapToInt(Arrays::stream)
          .sorted().toArray();
      assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
    // f and values are full-data losses
    double[] g = new double[2];
    assertThat(r.f()).isEqualTo(new Regression().valueAndGradient(r.x(), g));
    assertThat(r.values()[2]).isEqualTo(r.f());
    assertThat(r.gnorm()).isEqualTo(Math.max(Math.abs(g[0]), Math.abs(g[1])));
  }

  @Test
  void sameSeedIsBitIdenticalOtherSeedDiffers() {
    Result a = Minimizer.run(new Regression(), new double[] {0, 0}, sgd(0.005), data(2, 5).withSeed(3));
    Result b = Minimizer.run(new Regression(), new double[] {0, 0}, sgd(0.005), data(2, 5).withSeed(3));
    Result c = Minimizer.run(new Regression(), new double[] {0, 0}, sgd(0.005), data(2, 5).withSeed(4));
    assertThat(Arrays.equals(a.x(), b.x())).isTrue();
    assertThat(Arrays.equals(a.batchLosses(), b.batchLosses())).isTrue();
    assertThat(Arrays.deepEquals(a.path(), b.path())).isTrue();
    assertThat(Arrays.equals(a.x(), c.x())).isFalse();
  }

  @Test
  void unshuffledRunMatchesHandWrittenMinibatchSgd() {
    Regression f = new Regression();
    double lr = 0.01;
    Result r = Minimizer.run(f, new double[] {0, 0}, sgd(lr), data(4, 1).withShuffle(false));
    // batches {0..3}, {4..7}, {8, 9}: w -= lr * mean 2 r u, b -= lr * mean 2 r
    double w = 0, b = 0;
    int[][] batches = {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9}};
    for (int[] batch : batches) {
      double gw = 0, gb = 0;
      for (int i : batch) {
        double res = w * f.u[i] + b - f.v[i];
        gw += 2 * res * f.u[i];
        gb += 2 * res;
      }
      w -= lr * gw / batch.length;
      b -= lr * gb / batch.length;
    }
    assertThat(r.x()[0]).isCloseTo(w, within(1e-14));
    assertThat(r.x()[1]).isCloseTo(b, within(1e-14));
  }

  @Test
  void stepsCapUpdatesAndEpochsAloneHaveNoCap() {
    Result capped = Minimizer.run(new Regression(), new double[] {0, 0}, sgd(0.001),
        data(1, 10).withSteps(5));
    assertThat(capped.iterations()).isEqualTo(5);
    assertThat(capped.status()).isEqualTo("max_steps");
    Result many = Minimizer.run(new Regression(), new double[] {0, 0}, sgd(0.001), data(1, 150));
    assertThat(many.iterations()).isEqualTo(1500);
    Result batchOnly = Minimizer.run(new Regression(), new double[] {0, 0}, sgd(0.001),
        RunOptions.defaults().withBatch(3).withGtol(0));
    assertThat(batchOnly.iterations()).isEqualTo(1000);
  }

  @Test
  void convergesOnFullDataGradient() {
    Result r = Minimizer.run(new Regression(), new double[] {0, 0},
        Methods.create("adam", Map.of("lr", 0.1)),
        RunOptions.defaults().withBatch(10).withEpochs(100000).withGtol(1e-6));
    assertThat(r.status()).isEqualTo("converged");
    assertThat(r.gnorm()).isLessThanOrEqualTo(1e-6);
  }

  @Test
  void batchNeedsData() {
    assertThatThrownBy(() -> Minimizer.run(new Quadratic(), new double[] {0, 0}, sgd(0.1),
        RunOptions.defaults().withBatch(2)))
        .hasMessage("batch= and epochs= need a loss over data (data=...)");
  }

  @Test
  void fullBatchMethodsRefuseMinibatches() {
    assertThatThrownBy(() -> Minimizer.run(new Regression(), new double[] {0, 0},
        Methods.create("lbfgs", Map.of()), data(3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lbfgs needs the full data in every step");
  }

  @Test
  void divergenceKeepsLastFiniteIterate() {
    Result r = Minimizer.run(new Regression(), new double[] {0, 0}, sgd(10), data(2, 100));
    assertThat(r.status()).isEqualTo("diverged");
    assertThat(Double.isFinite(r.f())).isTrue();
    assertThat(Vec.finite(r.x())).isTrue();
  }

  /**
   * loss_i(x) = -x, so sgd(lr=1) moves x by +1 per update; row 0's loss is +inf once x passes
   * {@code limit0}, every other row's once x passes {@code limit}.
   */
  static BatchObjective ramp(double limit0, double limit) {
    return new BatchObjective() {
      @Override
      public int dimension() {
        return 1;
      }

      @Override
      public int rows() {
        return 10;
      }

      @Override
      public double valueAndGradient(double[] x, double[] g) {
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        return batchValueAndGradient(x, all, 0, 10, g);
      }

      @Override
      public double batchValueAndGradient(double[] x, int[] rows, int from, int to, double[] g) {
        g[0] = -1;
        for (int k = from; k < to; k++) {
          if (x[0] > (rows[k] == 0 ? limit0 : limit)) return Double.POSITIVE_INFINITY;
        }
        return 0 - x[0]; // not -x[0], which is -0.0 at the start
      }
    };
  }

  /** Issue 15: a diverged data run ends at the last finite iterate, not at an epoch boundary. */
  @Test
  void divergedMinibatchRunEndsAtTheLastFiniteIterate() {
    // batch 1, ten updates per epoch: the minibatch loss at x_6 = 6 is inf, so x_5 is the last
    Result r = Minimizer.run(ramp(5.5, 5.5), new double[] {0}, sgd(1),
        data(1, 3).withShuffle(false));
    assertThat(r.status()).isEqualTo("diverged");
    assertThat(r.message()).contains("Update 7");
    assertThat(r.x()).containsExactly(5);
    assertThat(r.f()).isEqualTo(-5);
    assertThat(r.iterations()).isEqualTo(5);
    assertThat(r.batchLosses()).containsExactly(0, -1, -2, -3, -4);
    assertLastRowIsTheResult(r);
  }

  @Test
  void lossNonFiniteAtAnEpochEndKeepsTheUpdateBefore() {
    // batch 5, rows 0-4 then 5-9: epoch 2 ends at x_4 = 4, where row 0 is inf; x_3 = 3 is finite
    Result r = Minimizer.run(ramp(3.5, 100), new double[] {0}, sgd(1),
        data(5, 3).withShuffle(false));
    assertThat(r.status()).isEqualTo("diverged");
    assertThat(r.x()).containsExactly(3);
    assertThat(r.iterations()).isEqualTo(3);
    assertThat(r.epochs()).isEqualTo(1);
    assertThat(r.values()).containsExactly(0, -2);
    assertThat(r.batchLosses()).hasSize(3);
    assertLastRowIsTheResult(r);
    // the epoch end x_2 = 2 is a known loss in the CSV's pairing; x_1 and x_3 in between are not
    assertThat(r.pathValues()).containsExactly(0, Double.NaN, -2, -3);
  }

  @Test
  void candidateWithANonFiniteLossFallsBackToTheEpochBoundary() {
    // as above, but x_3 = 3 is also inf for row 0: the last finite iterate is the boundary x_2
    Result r = Minimizer.run(ramp(2.5, 100), new double[] {0}, sgd(1),
        data(5, 3).withShuffle(false));
    assertThat(r.status()).isEqualTo("diverged");
    assertThat(r.x()).containsExactly(2);
    assertThat(r.iterations()).isEqualTo(2);
    assertThat(r.pathIterations()).containsExactly(0, 1, 2);
    assertLastRowIsTheResult(r);
  }

  static void assertLastRowIsTheResult(Result r) {
    int last = r.path().length - 1;
    assertThat(r.path()[last]).containsExactly(r.x());
    assertThat(r.pathIterations()[last]).isEqualTo(r.iterations());
    assertThat(r.pathValues()[last]).isEqualTo(r.f());
    assertThat(r.pathValues()).hasSameSizeAs(r.path());
  }

  @Test
  void interruptStopsMidEpoch() {
    AtomicBoolean flag = new AtomicBoolean();
    Regression f = new Regression() {
      @Override
      public double batchValueAndGradient(double[] x, int[] rows, int from, int to, double[] g) {
        if (batches.size() == 2) flag.set(true);
        return super.batchValueAndGradient(x, rows, from, to, g);
      }
    };
    Result r = Minimizer.run(f, new double[] {0, 0}, sgd(0.001), data(1, 5).withInterrupt(flag));
    assertThat(r.status()).isEqualTo("interrupted");
    assertThat(r.iterations()).isEqualTo(3);
    assertThat(r.path()).hasNumberOfRows(4);
  }

  /** A cheap batch objective that allocates nothing: loss = mean over rows of (x - row)². */
  static final class Centers implements BatchObjective {
    final int rows;

    Centers(int rows) {
      this.rows = rows;
    }

    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public int rows() {
      return rows;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      double s = 0;
      g[0] = 0;
      for (int i = 0; i < rows; i++) {
        double r = x[0] - i;
        s += r * r;
        g[0] += 2 * r;
      }
      g[0] /= rows;
      return s / rows;
    }

    @Override
    public double batchValueAndGradient(double[] x, int[] idx, int from, int to, double[] g) {
      double s = 0;
      g[0] = 0;
      for (int k = from; k < to; k++) {
        double r = x[0] - idx[k];
        s += r * r;
        g[0] += 2 * r;
      }
      g[0] /= to - from;
      return s / (to - from);
    }
  }

  static long allocatedBytes(Runnable r) {
    var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(id);
    r.run();
    return bean.getThreadAllocatedBytes(id) - before;
  }

  @Test
  void hotLoopDoesNotAllocatePerStep() {
    Method adam = Methods.create("adam", Map.of("lr", 0.01));
    RunOptions few = RunOptions.defaults().withBatch(4).withEpochs(10).withGtol(0).withRecord(1 << 30);
    RunOptions many = few.withEpochs(2010);
    Centers f = new Centers(100);
    Minimizer.run(f, new double[] {0}, adam, many); // warm up
    long small = allocatedBytes(() -> Minimizer.run(f, new double[] {0}, adam, few));
    long large = allocatedBytes(() -> Minimizer.run(f, new double[] {0}, adam, many));
    long extraSteps = 2000L * 25;
    // only the batch-loss list grows (8 bytes per update, doubling) and one value per epoch
    assertThat((double) (large - small) / extraSteps).isLessThan(40);
  }

  @Test
  void fullBatchMethodTreatsEpochsAsIterations() {
    Result r = Minimizer.run(new Regression(), new double[] {0, 0}, Methods.create("bfgs", Map.of()),
        RunOptions.defaults().withEpochs(2).withGtol(0));
    assertThat(r.iterations()).isEqualTo(2);
    Result all = Minimizer.run(new Regression(), new double[] {0, 0},
        Methods.create("lbfgs", Map.of()), RunOptions.defaults().withBatch(10));
    assertThat(all.status()).isEqualTo("converged");
  }
}
