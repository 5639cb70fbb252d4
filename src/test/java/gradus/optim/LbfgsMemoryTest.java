package gradus.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LbfgsMemory's direction, from inner products kept between iterations and formed in halves on
 * two cores for long vectors, against the classic two-loop recursion (Nocedal & Wright, Alg. 7.4)
 * written out directly on the same pairs.
 */
class LbfgsMemoryTest {
  @ParameterizedTest
  @ValueSource(ints = {7, Halves.MIN + 4097})
  void directionIsTheTwoLoopRecursion(int n) {
    int m = 3;
    Random rnd = new Random(n);
    LbfgsMemory memory = new LbfgsMemory(m, n);
    List<double[]> ss = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    Iterate cur = point(n, rnd);
    double[] d = new double[n];
    for (int step = 0; step < 5; step++) { // more steps than m: the oldest pairs are dropped
      Iterate next = point(n, rnd);
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = next.x[i] - cur.x[i];
        y[i] = (1 + rnd.nextDouble()) * s[i]; // a positive curvature, so every pair is kept
        next.g[i] = cur.g[i] + y[i];
      }
      assertThat(memory.store(cur, next, -1)).isTrue();
      ss.add(s);
      ys.add(y);
      if (ss.size() > m) {
        ss.remove(0);
        ys.remove(0);
      }
      double gd = memory.direction(next.g, d);
      double[] want = twoLoop(next.g, ss, ys);
      double scale = Vec.normInf(want);
      double dot = 0;
      for (int i = 0; i < n; i++) {
        assertThat(Math.abs(d[i] - want[i])).isLessThanOrEqualTo(1e-10 * scale);
        dot += next.g[i] * want[i];
      }
      assertThat(gd).isCloseTo(dot, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(dot)));
      cur = next;
    }
  }

  private static Iterate point(int n, Random rnd) {
    Iterate p = new Iterate(n);
    for (int i = 0; i < n; i++) {
      p.x[i] = rnd.nextGaussian();
      p.g[i] = rnd.nextGaussian();
    }
    return p;
  }

  /** d = -H g by the two loops, H₀ = γI with γ = sᵀy/yᵀy of the newest pair. */
  private static double[] twoLoop(double[] g, List<double[]> ss, List<double[]> ys) {
    int k = ss.size();
    double[] q = g.clone();
    double[] alpha = new double[k];
    for (int j = k - 1; j >= 0; j--) {
      alpha[j] = dot(ss.get(j), q) / dot(ss.get(j), ys.get(j));
      axpy(-alpha[j], ys.get(j), q);
    }
    double gamma = dot(ss.get(k - 1), ys.get(k - 1)) / dot(ys.get(k - 1), ys.get(k - 1));
    for (int i = 0; i < q.length; i++) q[i] *= gamma;
    for (int j = 0; j < k; j++) {
      double beta = dot(ys.get(j), q) / dot(ss.get(j), ys.get(j));
      axpy(alpha[j] - beta, ss.get(j), q);
    }
    for (int i = 0; i < q.length; i++) q[i] = -q[i];
    return q;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) y[i] += a * x[i];
  }
}
