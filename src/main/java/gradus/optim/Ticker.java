package gradus.optim;

/**
 * Decides cheaply, in an optimizer's loop, when to tell a {@link Progress} how the run goes:
 * {@link #due()} is one decrement on most iterations. Every {@code stride} iterations it reads
 * the clock, and it adapts the stride so that the clock is read about every few milliseconds —
 * 10^7 cheap Adam steps read it a few thousand times, a slow Newton step every time.
 */
final class Ticker {
  /** How often the progress is told: four times a second. */
  static final long PERIOD_NANOS = 250_000_000L;
  private static final long CHECK_NANOS = 5_000_000L;
  private static final int MAX_STRIDE = 1 << 20;

  private final Progress progress;
  private int stride = 1;
  private int countdown = 1;
  private long lastCheck = System.nanoTime();
  private long lastReport = lastCheck;

  Ticker(Progress progress) {
    this.progress = progress;
  }

  /** True when the caller should call {@link #report} now. */
  boolean due() {
    return progress != null && --countdown == 0 && check();
  }

  private boolean check() {
    long now = System.nanoTime();
    long since = now - lastCheck;
    lastCheck = now;
    if (since < CHECK_NANOS / 2 && stride < MAX_STRIDE) stride <<= 1;
    else if (since > 2 * CHECK_NANOS && stride > 1) stride >>= 1;
    countdown = stride;
    if (now - lastReport < PERIOD_NANOS) return false;
    lastReport = now;
    return true;
  }

  void report(long iteration, double f, double gnorm) {
    progress.update(iteration, f, gnorm);
  }

  void done() {
    if (progress != null) progress.done();
  }
}
