package gradus.optim;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * A pass over the indices [0, n) of long vectors in two fixed halves, the upper half on another
 * core when there is one. A pass that does a multiply-add or two per entry is limited by what one
 * core can read from memory (about 10 GB/s on these machines), and a second core reads as much
 * again: L-BFGS's two passes over its stored pairs at 10^6 variables take half the time. The
 * halves do not depend on the number of cores, and callers add the halves' partial sums lower
 * half first, so the results are the same bits on any machine.
 */
final class Halves {
  /** Below this length a pass takes microseconds: not worth handing to another thread. */
  static final int MIN = 1 << 16;
  private static final boolean SPARE_CORE = Runtime.getRuntime().availableProcessors() > 1;

  /** The work on one half: indices lo ≤ i < hi; half is 0 (lower) or 1 (upper). */
  interface Part {
    void run(int half, int lo, int hi);
  }

  private Halves() {}

  /** Where the upper half starts: a multiple of block, or n when n is too short to split. */
  static int mid(int n, int block) {
    return n < MIN ? n : n / 2 / block * block;
  }

  static void run(int n, int block, Part p) {
    int mid = mid(n, block);
    if (mid == n) {
      p.run(0, 0, n);
      return;
    }
    if (!SPARE_CORE) {
      p.run(0, 0, mid);
      p.run(1, mid, n);
      return;
    }
    ForkJoinTask<?> upper = ForkJoinPool.commonPool().submit(() -> p.run(1, mid, n));
    p.run(0, 0, mid);
    upper.join();
  }
}
