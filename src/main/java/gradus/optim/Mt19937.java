package gradus.optim;

/**
 * The Mersenne Twister MT19937 (Matsumoto and Nishimura 1998) with NumPy's legacy
 * {@code np.random.RandomState(seed)} seeding and draws, so that a seeded Gradus search draws the
 * same numbers as SciPy's given the same {@code seed=}: doubles are
 * {@code (a·2^26 + b)/2^53} from two 32-bit words shifted right by 5 and 6 ({@code random_sample}),
 * and integers in [0, k) are 32-bit words masked to the next power of two and redrawn until
 * below k ({@code randint}, {@code shuffle}).
 */
public final class Mt19937 {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index = N;

  /** The generator of {@code np.random.RandomState(seed)}; seed must be in [0, 2^32). */
  public Mt19937(long seed) {
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw Check.bad("seed", "seed must be between 0 and 2^32 - 1 (as in NumPy), got " + seed);
    }
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
  }

  /** The next 32-bit word, as an unsigned value in an int. */
  int nextInt() {
    if (index >= N) twist();
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  private void twist() {
    for (int k = 0; k < N; k++) {
      int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
    }
    index = 0;
  }

  /** A double uniform in [0, 1) with 53 random bits ({@code random_sample}). */
  double nextDouble() {
    long a = Integer.toUnsignedLong(nextInt()) >>> 5;
    long b = Integer.toUnsignedLong(nextInt()) >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** {@code uniform(lo, hi)}: lo + (hi - lo)·u. */
  double uniform(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  /** An integer uniform in [0, max] by masked rejection ({@code random_interval}). */
  int interval(int max) {
    if (max == 0) return 0;
    int mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    int v;
    do {
      v = nextInt() & mask;
    } while (Integer.compareUnsigned(v, max) > 0);
    return v;
  }

  /** An integer uniform in [0, bound), bound ≥ 1 ({@code randint(bound)}). */
  int below(int bound) {
    return interval(bound - 1);
  }

  /** {@code permutation(n)}: 0..n-1 in the order {@link #shuffle} leaves them. */
  public int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    shuffle(p);
    return p;
  }

  /** Shuffles p in place as {@code RandomState.shuffle} does (Fisher–Yates from the end). */
  void shuffle(int[] p) {
    for (int i = p.length - 1; i > 0; i--) {
      int j = interval(i);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
  }
}
