package gradus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
  private static final List<String> XYL = List.of("x1", "x2", "label");

  @Property(tries = 30)
  void sameSeedSameBitsOtherSeedOtherData(@ForAll long seed, @ForAll @IntRange(min = 2, max = 200) int n) {
    assertThat(Generators.moons(n, 0.2, seed)).isEqualTo(Generators.moons(n, 0.2, seed))
        .isNotEqualTo(Generators.moons(n, 0.2, seed + 1));
    assertThat(Generators.xorData(n, 0.1, seed)).isEqualTo(Generators.xorData(n, 0.1, seed))
        .isNotEqualTo(Generators.xorData(n, 0.1, seed + 1));
    assertThat(Generators.blobs(n, 3, 1.0, seed)).isEqualTo(Generators.blobs(n, 3, 1.0, seed))
        .isNotEqualTo(Generators.blobs(n, 3, 1.0, seed + 1));
    double[] w = {1.5, -2};
    assertThat(Generators.linearData(n, w, 0.5, 0.1, seed)).isEqualTo(Generators.linearData(n, w, 0.5, 0.1, seed))
        .isNotEqualTo(Generators.linearData(n, w, 0.5, 0.1, seed + 1));
  }

  @Test
  void drawsFollowTheDocumentedOrder() {
    // Pins the stream so a refactor cannot silently change every seeded data set.
    Random r = new Random(42);
    double x1 = r.nextGaussian();
    double x2 = r.nextGaussian();
    double e = r.nextGaussian();
    Dataset d = Generators.linearData(1, new double[] {2, 3}, 1, 0.5, 42);
    assertThat(d.get(0, "x1")).isEqualTo(x1);
    assertThat(d.get(0, "x2")).isEqualTo(x2);
    assertThat(d.get(0, "y")).isEqualTo(2 * x1 + 3 * x2 + 1 + 0.5 * e);
  }

  @Test
  void shapesAndNames() {
    Dataset lin = Generators.linearData(7, new double[] {1, 2, 3}, 0, 0, 1);
    assertThat(lin.columns()).containsExactly("x1", "x2", "x3", "y");
    assertThat(lin.rows()).isEqualTo(7);
    for (Dataset d : List.of(Generators.moons(9, 0.1, 1), Generators.xorData(9, 0.1, 1), Generators.blobs(9, 4, 1, 1))) {
      assertThat(d.columns()).isEqualTo(XYL);
      assertThat(d.rows()).isEqualTo(9);
    }
    assertThat(Generators.moons(1, 0, 1).rows()).isEqualTo(1);
    assertThat(Generators.blobs(2, 5, 1, 1).rows()).isEqualTo(2);
  }

  @Test
  void linearNoiseFreeLeastSquaresRecoversWeights() {
    double[] w = {2.5, -1.25, 0.75};
    double b = -3.5;
    Dataset d = Generators.linearData(60, w, b, 0, 11);
    int k = w.length + 1;
    double[][] a = new double[k][k + 1]; // normal equations [X 1]'[X 1] beta = [X 1]'y
    double[] row = new double[k];
    for (int r = 0; r < d.rows(); r++) {
      for (int j = 0; j < w.length; j++) row[j] = d.get(r, j);
      row[w.length] = 1;
      double y = d.get(r, "y");
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) a[i][j] += row[i] * row[j];
        a[i][k] += row[i] * y;
      }
    }
    double[] beta = solve(a);
    for (int j = 0; j < w.length; j++) assertThat(beta[j]).isCloseTo(w[j], within(1e-10));
    assertThat(beta[w.length]).isCloseTo(b, within(1e-10));
  }

  private static double[] solve(double[][] a) {
    int n = a.length;
    for (int p = 0; p < n; p++) {
      int best = p;
      for (int i = p + 1; i < n; i++) if (Math.abs(a[i][p]) > Math.abs(a[best][p])) best = i;
      double[] t = a[p];
      a[p] = a[best];
      a[best] = t;
      for (int i = p + 1; i < n; i++) {
        double f = a[i][p] / a[p][p];
        for (int j = p; j <= n; j++) a[i][j] -= f * a[p][j];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = a[i][n];
      for (int j = i + 1; j < n; j++) s -= a[i][j] * x[j];
      x[i] = s / a[i][i];
    }
    return x;
  }

  @Test
  void linearNoiseLevelKeepsTheSameInputs() {
    double[] w = {1, 1};
    Dataset clean = Generators.linearData(20, w, 0, 0, 5);
    Dataset noisy = Generators.linearData(20, w, 0, 0.3, 5);
    assertThat(noisy.column("x1")).isEqualTo(clean.column("x1"));
    assertThat(noisy.column("y")).isNotEqualTo(clean.column("y"));
  }

  @Test
  void moonsWithoutNoiseLieOnTheTwoHalfCircles() {
    Dataset d = Generators.moons(101, 0, 3);
    int zeros = 0;
    for (int r = 0; r < d.rows(); r++) {
      double x = d.get(r, 0);
      double y = d.get(r, 1);
      if (d.get(r, 2) == 0) {
        zeros++;
        assertThat(x * x + y * y).isCloseTo(1, within(1e-12));
        assertThat(y).isGreaterThanOrEqualTo(-1e-12);
      } else {
        assertThat(d.get(r, 2)).isEqualTo(1);
        assertThat((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)).isCloseTo(1, within(1e-12));
        assertThat(y).isLessThanOrEqualTo(0.5 + 1e-12);
      }
    }
    assertThat(zeros).isEqualTo(50);
  }

  @Test
  void moonsEndpointsAndShuffle() {
    Dataset d = Generators.moons(40, 0, 8);
    double[] x1 = d.column("x1");
    assertThat(x1).contains(1.0, -1.0, 0.0, 2.0);
    double[] label = d.column("label");
    boolean sorted = true;
    for (int i = 1; i < label.length; i++) sorted &= label[i - 1] <= label[i];
    assertThat(sorted).as("rows are shuffled").isFalse();
  }

  @Test
  void moonsNoiseMovesPointsByAboutNoise() {
    Dataset clean = Generators.moons(2000, 0, 4);
    Dataset noisy = Generators.moons(2000, 0.1, 4);
    assertThat(noisy.column("label")).isEqualTo(clean.column("label"));
    double ss = 0;
    for (int r = 0; r < 2000; r++) {
      for (int c = 0; c < 2; c++) ss += Math.pow(noisy.get(r, c) - clean.get(r, c), 2);
    }
    assertThat(Math.sqrt(ss / 4000)).isCloseTo(0.1, within(0.01));
  }

  @Test
  void xorLabelsAreBalancedAndMatchTheQuadrant() {
    for (int n : new int[] {1, 2, 3, 4, 5, 99, 100}) {
      Dataset d = Generators.xorData(n, 0, 9);
      int ones = 0;
      for (int r = 0; r < n; r++) {
        double x = d.get(r, 0);
        double y = d.get(r, 1);
        assertThat(Math.abs(x)).isLessThan(1);
        assertThat(Math.abs(y)).isLessThan(1);
        double label = d.get(r, 2);
        assertThat(label).isEqualTo(x * y < 0 ? 1 : 0);
        ones += (int) label;
      }
      assertThat(Math.abs(2 * ones - n)).as("n=%d", n).isLessThanOrEqualTo(2);
      if (n % 4 == 0) assertThat(2 * ones).isEqualTo(n);
    }
  }

  @Test
  void xorQuadrantsAllOccupied() {
    Dataset d = Generators.xorData(40, 0, 2);
    int[] q = new int[4];
    for (int r = 0; r < 40; r++) q[(d.get(r, 0) > 0 ? 0 : 1) + (d.get(r, 1) > 0 ? 0 : 2)]++;
    assertThat(q).containsExactly(10, 10, 10, 10);
  }

  @Test
  void blobsCountsCentresAndSpread() {
    int n = 3001;
    int centers = 3;
    Dataset d = Generators.blobs(n, centers, 0.5, 12);
    double[][] sum = new double[centers][2];
    int[] count = new int[centers];
    for (int r = 0; r < n; r++) {
      int j = (int) d.get(r, 2);
      assertThat(d.get(r, 2)).isEqualTo(j).isBetween(0.0, centers - 1.0);
      count[j]++;
      sum[j][0] += d.get(r, 0);
      sum[j][1] += d.get(r, 1);
    }
    assertThat(count).containsExactly(1001, 1000, 1000);
    Random rnd = new Random(12); // centres are the first draws
    for (int j = 0; j < centers; j++) {
      double cx = -10 + 20 * rnd.nextDouble();
      double cy = -10 + 20 * rnd.nextDouble();
      assertThat(sum[j][0] / count[j]).isCloseTo(cx, within(0.1));
      assertThat(sum[j][1] / count[j]).isCloseTo(cy, within(0.1));
    }
  }

  @Test
  void blobsWithZeroStdSitOnTheirCentres() {
    Dataset d = Generators.blobs(20, 2, 0, 1);
    double[][] centre = new double[2][];
    for (int r = 0; r < 20; r++) {
      int j = (int) d.get(r, 2);
      double[] p = {d.get(r, 0), d.get(r, 1)};
      assertThat(Math.abs(p[0])).isLessThanOrEqualTo(10);
      assertThat(Math.abs(p[1])).isLessThanOrEqualTo(10);
      if (centre[j] == null) centre[j] = p;
      assertThat(p).isEqualTo(centre[j]);
    }
    assertThat(centre[0]).isNotEqualTo(centre[1]);
  }

  @Test
  void argumentsAreValidated() {
    assertThatThrownBy(() -> Generators.moons(0, 0.1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be >= 1, got 0");
    assertThatThrownBy(() -> Generators.xorData(-3, 0.1, 1)).hasMessage("n must be >= 1, got -3");
    assertThatThrownBy(() -> Generators.moons(10, -0.1, 1)).hasMessage("noise must be a finite number >= 0, got -0.1");
    assertThatThrownBy(() -> Generators.xorData(10, Double.NaN, 1)).hasMessage("noise must be a finite number >= 0, got nan");
    assertThatThrownBy(() -> Generators.blobs(10, 0, 1, 1)).hasMessage("centers must be >= 1, got 0");
    assertThatThrownBy(() -> Generators.blobs(10, 2, -1, 1)).hasMessage("std must be a finite number >= 0, got -1");
    assertThatThrownBy(() -> Generators.linearData(10, new double[0], 0, 0, 1))
        .hasMessage("w must have at least 1 weight, got 0");
    assertThatThrownBy(() -> Generators.linearData(10, new double[] {1, Double.POSITIVE_INFINITY}, 0, 0, 1))
        .hasMessage("w[2] must be finite, got inf");
    assertThatThrownBy(() -> Generators.linearData(10, new double[] {1}, Double.NaN, 0, 1))
        .hasMessage("b must be finite, got nan");
    assertThatThrownBy(() -> Generators.linearData(10, new double[] {1}, 0, Double.POSITIVE_INFINITY, 1))
        .hasMessage("noise must be a finite number >= 0, got inf");
  }
}
