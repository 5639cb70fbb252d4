package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress hook: told a few times a second however slow the iterations, and done once. */
class ProgressTest {
  static final class Recorder implements Progress {
    final List<long[]> updates = new ArrayList<>();
    final List<Double> values = new ArrayList<>();
    int done;

    @Override public void update(long iteration, double f, double gnorm) {
      updates.add(new long[] {iteration, System.nanoTime()});
      values.add(f);
    }

    @Override public void done() {
      done++;
    }
  }

  /** f(x) = x^2/2, each evaluation made slow by a sleep of {@code sleepMs}: one update per ~0.25 s even so. */
  static Objective quadratic(long sleepMs) {
    return new Objective() {
      @Override public int dimension() {
        return 1;
      }

      @Override public double valueAndGradient(double[] x, double[] g) {
        if (sleepMs > 0) {
          try {
            Thread.sleep(sleepMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        g[0] = x[0];
        return x[0] * x[0] / 2;
      }
    };
  }

  @Test
  void slowIterationsAreReportedEveryQuarterSecond() {
    Recorder rec = new Recorder();
    Method gd = Methods.create("gd", Map.of("lr", 0.001));
    Result r = Minimizer.run(quadratic(40), new double[] {1}, gd, RunOptions.defaults().withSteps(15).withGtol(0).withProgress(rec));
    assertThat(r.iterations()).isEqualTo(15);
    assertThat(rec.done).isEqualTo(1);
    // 16 evaluations of 40 ms: 0.64 s, so 2 updates (one at most every 0.25 s), each with the current f
    assertThat(rec.updates).hasSizeBetween(1, 3);
    for (int i = 1; i < rec.updates.size(); i++) {
      assertThat(rec.updates.get(i)[1] - rec.updates.get(i - 1)[1]).isGreaterThanOrEqualTo(Ticker.PERIOD_NANOS);
    }
    long it = rec.updates.get(0)[0];
    assertThat(rec.values.get(0)).isCloseTo(Math.pow(1 - 0.001, 2 * it) / 2, org.assertj.core.data.Percentage.withPercentage(1e-9));
  }

  @Test
  void dataRunsReportToo() {
    Recorder rec = new Recorder();
    BatchObjective rows = new BatchObjective() {
      @Override public int dimension() {
        return 1;
      }

      @Override public int rows() {
        return 4;
      }

      final Objective slow = quadratic(40);

      @Override public double valueAndGradient(double[] x, double[] g) {
        return quadratic(0).valueAndGradient(x, g);
      }

      @Override public double batchValueAndGradient(double[] x, int[] idx, int from, int to, double[] g) {
        return slow.valueAndGradient(x, g);
      }
    };
    Method sgd = Methods.create("sgd", Map.of("lr", 0.01));
    Minimizer.run(rows, new double[] {1}, sgd, RunOptions.defaults().withBatch(1).withEpochs(3).withGtol(0).withProgress(rec));
    assertThat(rec.done).isEqualTo(1);
    assertThat(rec.updates).isNotEmpty();
  }

  @Test
  void fastRunsAreToldRarely() {
    Recorder rec = new Recorder();
    Objective q = quadratic(0);
    long t0 = System.nanoTime();
    Minimizer.run(q, new double[] {1}, Methods.create("gd", Map.of("lr", 1e-9)),
        RunOptions.defaults().withSteps(2_000_000).withGtol(0).withRecord(100_000).withProgress(rec));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(rec.done).isEqualTo(1);
    assertThat(rec.updates.size()).isLessThanOrEqualTo((int) (seconds / 0.25) + 1);
  }
}
