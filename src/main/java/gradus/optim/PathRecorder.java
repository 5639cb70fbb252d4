package gradus.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps iterates whose number is a multiple of the stride (initially {@code record}); so a run
 * of up to 100,000 iterations keeps all 100,001 iterates. When the kept count would pass that,
 * it drops every other kept row and doubles the stride, so memory
 * stays bounded and the kept rows stay evenly spread. The last iterate is always kept. The cap
 * is 100,000 rows, lowered so that at most 16M numbers are stored for large dimensions.
 *
 * <p>Each row also keeps the evaluations made up to it, and, when the run records its states,
 * {@code extra} numbers beside x (the states, flattened), thinned with it.
 */
final class PathRecorder {
  static final int MAX_ROWS = 100_000;
  private static final long MAX_NUMBERS = 16_000_000L;

  private final int n;
  /** Numbers per row: x, then the extras. */
  private final int width;
  private final int cap;
  private long stride;
  private double[] xs;
  private double[] fs;
  private double[] gs;
  private long[] its;
  private long[] evs;
  private int count;

  PathRecorder(int n, int record) {
    this(n, record, 0);
  }

  PathRecorder(int n, int record, int extra) {
    this.n = n;
    this.width = n + extra;
    this.cap = (int) Math.max(2, Math.min(MAX_ROWS, MAX_NUMBERS / Math.max(1, width)));
    this.stride = record;
    int initial = Math.min(cap, 256);
    xs = new double[initial * width];
    fs = new double[initial];
    gs = new double[initial];
    its = new long[initial];
    evs = new long[initial];
  }

  /** Whether iterate {@code iteration} would be kept: the caller then computes its extras. */
  boolean wants(long iteration) {
    return iteration % (count == cap + 1 ? stride * 2 : stride) == 0;
  }

  /** Offers iterate {@code iteration} with its value and gradient norm (NaN when not known). */
  void offer(long iteration, double[] x, double f, double gnorm) {
    offer(iteration, x, f, gnorm, 0, null);
  }

  /** As above, with the evaluations made so far and the extras (null when the row has none). */
  void offer(long iteration, double[] x, double f, double gnorm, long evaluations, double[] extra) {
    if (iteration % stride != 0) return;
    if (count == cap + 1) {
      thin();
      if (iteration % stride != 0) return;
    }
    append(iteration, x, f, gnorm, evaluations, extra);
  }

  /** Records the final iterate unless it is already the last row. */
  void finish(long iteration, double[] x, double f, double gnorm) {
    finish(iteration, x, f, gnorm, 0, null);
  }

  void finish(long iteration, double[] x, double f, double gnorm, long evaluations, double[] extra) {
    if (count > 0 && its[count - 1] == iteration) return;
    append(iteration, x, f, gnorm, evaluations, extra);
  }

  /** Whether the last row is iterate {@code iteration} (so {@link #finish} keeps it as it is). */
  boolean endsAt(long iteration) {
    return count > 0 && its[count - 1] == iteration;
  }

  private void append(long iteration, double[] x, double f, double gnorm, long evaluations, double[] extra) {
    if (count == fs.length) {
      int bigger = Math.min(cap + 2, Math.max(count * 2, 1));
      xs = Arrays.copyOf(xs, bigger * width);
      fs = Arrays.copyOf(fs, bigger);
      gs = Arrays.copyOf(gs, bigger);
      its = Arrays.copyOf(its, bigger);
      evs = Arrays.copyOf(evs, bigger);
    }
    System.arraycopy(x, 0, xs, count * width, n);
    if (extra != null) System.arraycopy(extra, 0, xs, count * width + n, width - n);
    fs[count] = f;
    gs[count] = gnorm;
    its[count] = iteration;
    evs[count] = evaluations;
    count++;
  }

  private void thin() {
    stride *= 2;
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (its[i] % stride != 0) continue;
      System.arraycopy(xs, i * width, xs, kept * width, width);
      fs[kept] = fs[i];
      gs[kept] = gs[i];
      its[kept] = its[i];
      evs[kept] = evs[i];
      kept++;
    }
    count = kept;
  }

  double[][] path() {
    double[][] p = new double[count][];
    for (int i = 0; i < count; i++) p[i] = Arrays.copyOfRange(xs, i * width, i * width + n);
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

  long[] evaluations() {
    return Arrays.copyOf(evs, count);
  }

  /**
   * The extras as states: {@code widths[k]} numbers each, in order after x; row for row with the
   * path.
   */
  PathExtras extras(List<String> names, int[] widths) {
    List<double[][]> values = new ArrayList<>();
    int off = n;
    for (int w : widths) {
      double[][] rows = new double[count][];
      for (int i = 0; i < count; i++) rows[i] = Arrays.copyOfRange(xs, i * width + off, i * width + off + w);
      values.add(rows);
      off += w;
    }
    return new PathExtras(evaluations(), names, values);
  }
}
