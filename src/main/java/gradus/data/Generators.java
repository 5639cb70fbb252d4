package gradus.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic data sets, identical bit for bit on every run and every JVM.
 *
 * <p>All randomness comes from one {@link java.util.Random} created with the given seed, whose
 * {@code nextDouble} (uniform on [0, 1)) and {@code nextGaussian} (polar method, N(0, 1)) are
 * specified exactly by the JDK; trigonometry uses {@link StrictMath}. "U(a, b)" below means
 * {@code a + (b - a) * nextDouble()}, "N(0,1)" one {@code nextGaussian()}, and draws happen in the
 * order written. "Shuffled" means a Fisher–Yates pass over the rows: for {@code i = n-1} down to
 * 1, swap row {@code i} with row {@code nextInt(i + 1)}.
 */
public final class Generators {
  private Generators() {}

  /**
   * A linear-regression set with columns {@code x1..xk, y} where {@code k = w.length}. For each
   * row in turn: {@code x1..xk} ~ N(0,1) each, then {@code e} ~ N(0,1), and
   * {@code y = w·x + b + noise * e}. The noise draw is made even when {@code noise = 0}, so the
   * same seed gives the same {@code x} at every noise level.
   */
  public static Dataset linearData(int n, double[] w, double b, double noise, long seed) {
    checkN(n);
    if (w == null || w.length == 0) throw new IllegalArgumentException("w must have at least 1 weight, got " + (w == null ? "none" : "0"));
    for (int j = 0; j < w.length; j++) checkFinite("w[" + (j + 1) + "]", w[j]);
    checkFinite("b", b);
    checkNonNegative("noise", noise);
    int k = w.length;
    double[][] cols = new double[k + 1][n];
    Random rnd = new Random(seed);
    for (int r = 0; r < n; r++) {
      double y = b;
      for (int j = 0; j < k; j++) {
        double x = rnd.nextGaussian();
        cols[j][r] = x;
        y += w[j] * x;
      }
      cols[k][r] = y + noise * rnd.nextGaussian();
    }
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= k; j++) names.add("x" + j);
    names.add("y");
    return Dataset.wrap(names, cols);
  }

  /**
   * Two interleaving half circles, as scikit-learn's {@code make_moons}: columns {@code x1, x2,
   * label}. The first {@code m = n / 2} (integer division) points lie on the outer moon,
   * {@code (cos t, sin t)} with label 0, the other {@code n - m} on the inner moon,
   * {@code (1 - cos t, 0.5 - sin t)} with label 1; on each moon of {@code p} points, {@code t}
   * runs evenly over [0, π] ({@code t_i = π i / (p - 1)}; a single point has {@code t = 0}). The
   * rows are then shuffled, and then, row by row, {@code x1} and {@code x2} each get
   * {@code noise * N(0,1)} added (drawn even when {@code noise = 0}).
   */
  public static Dataset moons(int n, double noise, long seed) {
    checkN(n);
    checkNonNegative("noise", noise);
    int outer = n / 2;
    int inner = n - outer;
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] label = new double[n];
    for (int i = 0; i < outer; i++) {
      double t = angle(i, outer);
      x1[i] = StrictMath.cos(t);
      x2[i] = StrictMath.sin(t);
    }
    for (int i = 0; i < inner; i++) {
      double t = angle(i, inner);
      x1[outer + i] = 1 - StrictMath.cos(t);
      x2[outer + i] = 1 - StrictMath.sin(t) - 0.5;
      label[outer + i] = 1;
    }
    Random rnd = new Random(seed);
    shuffle(rnd, x1, x2, label);
    addNoise(rnd, noise, x1, x2);
    return Dataset.wrap(List.of("x1", "x2", "label"), new double[][] {x1, x2, label});
  }

  private static double angle(int i, int count) {
    return count == 1 ? 0 : Math.PI * i / (count - 1);
  }

  /**
   * The XOR problem: columns {@code x1, x2, label}. Row {@code i} is placed in quadrant
   * {@code i mod 4} — (+,+), (-,+), (-,-), (+,-) in that order — so the quadrants hold
   * {@code n/4} points each (the first {@code n mod 4} quadrants one more). Its point is
   * {@code (s1 * U(0,1), s2 * U(0,1))} with the quadrant's signs {@code s1, s2}, and its label is 1
   * when {@code s1 * s2 < 0} (quadrants 2 and 4), else 0; so the labels are balanced to within one.
   * The rows are then shuffled, and then, row by row, {@code x1} and {@code x2} each get
   * {@code noise * N(0,1)} added (so with noise a few points cross an axis and keep their label).
   */
  public static Dataset xorData(int n, double noise, long seed) {
    checkN(n);
    checkNonNegative("noise", noise);
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] label = new double[n];
    Random rnd = new Random(seed);
    for (int i = 0; i < n; i++) {
      int q = i % 4;
      double s1 = (q == 0 || q == 3) ? 1 : -1;
      double s2 = q < 2 ? 1 : -1;
      x1[i] = s1 * rnd.nextDouble();
      x2[i] = s2 * rnd.nextDouble();
      label[i] = s1 * s2 < 0 ? 1 : 0;
    }
    shuffle(rnd, x1, x2, label);
    addNoise(rnd, noise, x1, x2);
    return Dataset.wrap(List.of("x1", "x2", "label"), new double[][] {x1, x2, label});
  }

  /**
   * Isotropic Gaussian blobs, as scikit-learn's {@code make_blobs} in two dimensions: columns
   * {@code x1, x2, label}. First the centres: for each of {@code centers} in turn,
   * {@code (U(-10, 10), U(-10, 10))}. Centre {@code j} gets {@code n / centers} points, the first
   * {@code n mod centers} centres one more; each point is the centre plus
   * {@code (std * N(0,1), std * N(0,1))}, generated centre by centre, labelled with its centre's
   * index {@code 0..centers-1}. The rows are then shuffled.
   */
  public static Dataset blobs(int n, int centers, double std, long seed) {
    checkN(n);
    if (centers < 1) throw new IllegalArgumentException("centers must be >= 1, got " + centers);
    checkNonNegative("std", std);
    Random rnd = new Random(seed);
    double[][] c = new double[centers][2];
    for (int j = 0; j < centers; j++) {
      c[j][0] = -10 + 20 * rnd.nextDouble();
      c[j][1] = -10 + 20 * rnd.nextDouble();
    }
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double[] label = new double[n];
    int r = 0;
    for (int j = 0; j < centers; j++) {
      int count = n / centers + (j < n % centers ? 1 : 0);
      for (int i = 0; i < count; i++, r++) {
        x1[r] = c[j][0] + std * rnd.nextGaussian();
        x2[r] = c[j][1] + std * rnd.nextGaussian();
        label[r] = j;
      }
    }
    shuffle(rnd, x1, x2, label);
    return Dataset.wrap(List.of("x1", "x2", "label"), new double[][] {x1, x2, label});
  }

  private static void shuffle(Random rnd, double[]... cols) {
    int n = cols[0].length;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      for (double[] col : cols) {
        double t = col[i];
        col[i] = col[j];
        col[j] = t;
      }
    }
  }

  private static void addNoise(Random rnd, double noise, double[] x1, double[] x2) {
    for (int i = 0; i < x1.length; i++) {
      x1[i] += noise * rnd.nextGaussian();
      x2[i] += noise * rnd.nextGaussian();
    }
  }

  private static void checkN(int n) {
    if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
  }

  private static void checkNonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + Dataset.numberFormat().apply(v));
    }
  }

  private static void checkFinite(String name, double v) {
    if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " must be finite, got " + Dataset.numberFormat().apply(v));
  }
}
