package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bounded, evenly thinned path of {@link PathRecorder}, for small and large dimensions. */
class PathRecorderTest {
  /** Offers iterates 0..last with x = (it, -it, ...) and finishes at last. */
  static PathRecorder record(int n, int record, long last) {
    PathRecorder rec = new PathRecorder(n, record);
    double[] x = new double[n];
    for (long it = 0; it <= last; it++) {
      x[0] = it;
      x[n - 1] = -it;
      rec.offer(it, x, it, 2 * it);
    }
    rec.finish(last, x, last, 2 * last);
    return rec;
  }

  static void assertRowsMatchTheirIterations(PathRecorder rec) {
    double[][] path = rec.path();
    long[] its = rec.iterations();
    double[] f = rec.values();
    double[] g = rec.gnorms();
    assertThat(path.length).isEqualTo(its.length);
    for (int i = 0; i < its.length; i++) {
      assertThat(path[i][0]).isEqualTo(its[i]);
      assertThat(path[i][path[i].length - 1]).isEqualTo(-its[i]);
      assertThat(f[i]).isEqualTo(its[i]);
      assertThat(g[i]).isEqualTo(2 * its[i]);
      if (i > 0) assertThat(path[i]).isNotSameAs(path[i - 1]);
    }
  }

  @Test
  void keepsEveryIterateUpToTheCapThenThinsEvenly() {
    PathRecorder all = record(2, 1, 100_000);
    assertThat(all.iterations()).hasSize(100_001);
    PathRecorder thinned = record(2, 1, 250_000);
    long[] its = thinned.iterations();
    assertThat(its.length).isLessThanOrEqualTo(PathRecorder.MAX_ROWS + 2);
    assertThat(its[0]).isZero();
    assertThat(its[its.length - 1]).isEqualTo(250_000);
    long stride = its[1] - its[0];
    assertThat(stride).isEqualTo(4); // 100,001 rows would be passed at strides 1 and 2
    for (int i = 1; i < its.length - 1; i++) assertThat(its[i] - its[i - 1]).isEqualTo(stride);
    assertRowsMatchTheirIterations(thinned);
  }

  @Test
  void largeDimensionsKeepAtMostSixteenMillionNumbers() {
    int n = 200_000;
    PathRecorder rec = record(n, 1, 1000);
    long[] its = rec.iterations();
    assertThat((long) its.length * n).isLessThanOrEqualTo(16_000_000L + 2L * n);
    assertThat(its[its.length - 1]).isEqualTo(1000);
    assertRowsMatchTheirIterations(rec);
  }

  @Test
  void recordKeepsEveryKthAndTheLast() {
    PathRecorder rec = record(3, 7, 50);
    assertThat(rec.iterations()).containsExactly(0, 7, 14, 21, 28, 35, 42, 49, 50);
    assertRowsMatchTheirIterations(rec);
  }

  @Test
  void dropAfterForgetsLaterRowsAndKnowFillsInTheLast() {
    PathRecorder rec = new PathRecorder(1, 1);
    for (long it = 0; it <= 10; it++) rec.offer(it, new double[] {it}, Double.NaN, Double.NaN);
    rec.dropAfter(6);
    rec.know(6, -6, 6);
    rec.finish(6, new double[] {6}, -6, 6);
    assertThat(rec.iterations()).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(rec.values()[6]).isEqualTo(-6);
    assertThat(rec.values()[5]).isNaN();
  }
}
