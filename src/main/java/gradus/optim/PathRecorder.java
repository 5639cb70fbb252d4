package gradus.optim;

import java.util.Arrays;

/**
 * Keeps iterates whose number is a multiple of the stride (initially {@code record}); so a run
 * of up to 100,000 iterations keeps all 100,001 iterates. When the kept count would pass that,
 * it drops every other kept row and doubles the stride, so memory
 * stays bounded and the kept rows stay evenly spread. The last iterate is always kept. The cap
 * is 100,000 rows, lowered so that at most 16M numbers are stored for large dimensions.
 */
final class PathRecorder {
  static final int MAX_ROWS = 100_000;
  private static final long MAX_NUMBERS = 16_000_000L;

  private final int n;
  private final int cap;
  private long stride;
  private double[] xs;
  private double[] fs;
  private double[] gs;
  private long[] its;
  private int count;

  PathRecorder(int n, int record) {
    this.n = n;
    this.cap = (int) Math.max(2, Math.min(MAX_ROWS, MAX_NUMBERS / Math.max(1, n)));
    this.stride = record;
    int initial = Math.min(cap, 256);
    xs = new double[initial * n];
    fs = new double[initial];
    gs = new double[initial];
    its = new long[initial];
  }

  /** Offers iterate {@code iteration} with its value and gradient norm (NaN when not known). */
  void offer(long iteration, double[] x, double f, double gnorm) {
    if (iteration % stride != 0) return;
    if (count == cap + 1) {
      thin();
      if (iteration % stride != 0) return;
    }
    append(iteration, x, f, gnorm);
  }

  /** Records the final iterate unless it is already the last row. */
  void finish(long iteration, double[] x, double f, double gnorm) {
    if (count > 0 && its[count - 1] == iteration) return;
    append(iteration, x, f, gnorm);
  }

  private void append(long iteration, double[] x, double f, double gnorm) {
    if (count == fs.length) {
      int bigger = Math.min(cap + 2, Math.max(count * 2, 1));
      xs = Arrays.copyOf(xs, bigger * n);
      fs = Arrays.copyOf(fs, bigger);
      gs = Arrays.copyOf(gs, bigger);
      its = Arrays.copyOf(its, bigger);
    }
    System.arraycopy(x, 0, xs, count * n, n);
    fs[count] = f;
    gs[count] = gnorm;
    its[count] = iteration;
    count++;
  }

  private void thin() {
    stride *= 2;
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (its[i] % stride != 0) continue;
      System.arraycopy(xs, i * n, xs, kept * n, n);
      fs[kept] = fs[i];
      gs[kept] = gs[i];
      its[kept] = its[i];
      kept++;
    }
    count = kept;
  }

  double[][] path() {
    double[][] p = new double[count][];
    for (int i = 0; i < count; i++) p[i] = Arrays.copyOfRange(xs, i * n, (i + 1) * n);
    return p;
  }

  double[] values() {
    return Arrays.copyOf(fs, count);
  }

  double[] gnorms() {
    return Arrays.copyOf(gs, count);
  }

  long[] iterations() {
    return Arrays.copyOf(its, count);
  }
}
