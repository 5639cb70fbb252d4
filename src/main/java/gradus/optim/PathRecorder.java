package gradus.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps iterates whose number is a multiple of the stride (initially {@code record}); so a run
 * of up to 100,000 iterations keeps all 100,001 iterates. When the kept count would pass that,
 * it drops every other kept row and doubles the stride, so memory stays bounded and the kept
 * rows stay evenly spread. The last iterate is always kept. The cap is 100,000 rows, lowered so
 * that at most 16M numbers are stored for large dimensions.
 *
 * <p>Cheap per iteration: an offer that is not kept is one comparison, a kept row one copy of x.
 * Rows live in chunks of about 8192 numbers, written in order (a small x fills a chunk with many
 * rows; a large x gets a chunk of its own, handed to the {@link Result} without another copy).
 * Chunks are never freed during a run, so a long run stops allocating once the cap is reached.
 *
 * <p>Each row also keeps the evaluations made up to it, and, in a run that records its states
 * (state=true, {@link StateRows}), the states beside x in the same row, thinned with it.
 */
final class PathRecorder {
  static final int MAX_ROWS = 100_000;
  private static final long MAX_NUMBERS = 16_000_000L;
  private static final int CHUNK = 8192;

  private final int n;
  /** The numbers of one row: x, then the states (none without state=true). */
  private final int width;
  private final StateRows states;
  private final int cap;
  /** Rows per chunk, a power of two: row i is at offset (i & mask)*width of chunks[i >>> shift]. */
  private final int shift;
  private final int mask;
  private final int perChunk;
  private double[][] chunks = new double[4][];
  private long stride;
  /** The next iteration number to keep; offers arrive in increasing order. */
  private long next;
  private double[] fs = new double[64];
  private double[] gs = new double[64];
  private long[] its = new long[64];
  private long[] evs = new long[64];
  private int count;

  PathRecorder(int n, int record) {
    this(n, record, null);
  }

  /** A recorder that also keeps {@code states}' numbers in each row (null: none). */
  PathRecorder(int n, int record, StateRows states) {
    this.n = n;
    this.states = states;
    this.width = n + (states == null ? 0 : states.width);
    this.cap = (int) Math.max(2, Math.min(MAX_ROWS, MAX_NUMBERS / Math.max(1, width)));
    this.perChunk = Integer.highestOneBit(Math.max(1, CHUNK / Math.max(1, width)));
    this.shift = Integer.numberOfTrailingZeros(perChunk);
    this.mask = perChunk - 1;
    this.stride = record;
  }

  /** Offers iterate {@code iteration} with its value and gradient norm (NaN when not known). */
  void offer(long iteration, double[] x, double f, double gnorm) {
    offer(iteration, x, f, gnorm, 0);
  }

  /** As above, with the evaluations made up to it. */
  void offer(long iteration, double[] x, double f, double gnorm, long evaluations) {
    if (iteration < next) return;
    if (count == cap + 1) {
      thin();
      if (iteration % stride != 0) {
        next = (iteration / stride + 1) * stride;
        return;
      }
    }
    append(iteration, x, f, gnorm, evaluations);
    next = iteration + stride;
  }

  /** Records the final iterate, or fills in its numbers if it is already the last row. */
  void finish(long iteration, double[] x, double f, double gnorm) {
    finish(iteration, x, f, gnorm, 0);
  }

  void finish(long iteration, double[] x, double f, double gnorm, long evaluations) {
    if (count > 0 && its[count - 1] == iteration) {
      know(iteration, f, gnorm);
      return;
    }
    append(iteration, x, f, gnorm, evaluations);
  }

  /** Fills in the value and gradient norm of the last row if it is iterate {@code iteration}. */
  void know(long iteration, double f, double gnorm) {
    if (count > 0 && its[count - 1] == iteration) {
      fs[count - 1] = f;
      gs[count - 1] = gnorm;
    }
  }

  /** Forgets the rows after iterate {@code iteration} (a run that went back to an earlier point). */
  void dropAfter(long iteration) {
    while (count > 0 && its[count - 1] > iteration) count--;
  }

  private void append(long iteration, double[] x, double f, double gnorm, long evaluations) {
    if (count == fs.length) {
      int bigger = count * 2;
      fs = Arrays.copyOf(fs, bigger);
      gs = Arrays.copyOf(gs, bigger);
      its = Arrays.copyOf(its, bigger);
      evs = Arrays.copyOf(evs, bigger);
    }
    int c = count >>> shift;
    if (c == chunks.length) chunks = Arrays.copyOf(chunks, c * 2);
    if (chunks[c] == null) chunks[c] = new double[perChunk * width];
    int at = (count & mask) * width;
    System.arraycopy(x, 0, chunks[c], at, n);
    if (states != null) states.write(chunks[c], at + n);
    fs[count] = f;
    gs[count] = gnorm;
    its[count] = iteration;
    evs[count] = evaluations;
    count++;
  }

  /** Keeps the rows at multiples of the doubled stride (rows are increasing multiples of it/2). */
  private void thin() {
    stride *= 2;
    int kept = 0;
    long keep = 0; // the next multiple of stride
    for (int i = 0; i < count; i++) {
      while (keep < its[i]) keep += stride;
      if (its[i] != keep) continue;
      if (perChunk == 1) {
        double[] row = chunks[kept];
        chunks[kept] = chunks[i];
        chunks[i] = row;
      } else {
        System.arraycopy(chunks[i >>> shift], (i & mask) * width, chunks[kept >>> shift],
            (kept & mask) * width, width);
      }
      fs[kept] = fs[i];
      gs[kept] = gs[i];
      its[kept] = its[i];
      evs[kept] = evs[i];
      kept++;
    }
    count = kept;
  }

  double[][] path() {
    if (perChunk == 1 && width == n) return Arrays.copyOf(chunks, count);
    double[][] p = new double[count][];
    for (int i = 0; i < count; i++) {
      int from = (i & mask) * width;
      p[i] = Arrays.copyOfRange(chunks[i >>> shift], from, from + n);
    }
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

  /** Each kept row's evaluation count, and the states ({@link StateRows}) when they were kept. */
  PathExtras extras() {
    long[] e = Arrays.copyOf(evs, count);
    if (states == null) return new PathExtras(e, List.of(), List.of());
    List<double[][]> values = new ArrayList<>();
    int off = n;
    for (int w : states.widths) {
      double[][] rows = new double[count][];
      for (int i = 0; i < count; i++) {
        int from = (i & mask) * width + off;
        rows[i] = Arrays.copyOfRange(chunks[i >>> shift], from, from + w);
      }
      values.add(rows);
      off += w;
    }
    return new PathExtras(e, states.names, values);
  }
}
