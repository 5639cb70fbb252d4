package gradus.compile;

import java.util.function.Supplier;

/** Runs a deeply recursive computation on a thread with a 512 MB stack and returns its result. */
final class BigStack {
  private BigStack() {}

  static <T> T run(Supplier<T> task) {
    Object[] out = new Object[1];
    Throwable[] err = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        out[0] = task.get();
      } catch (Throwable e) {
        err[0] = e;
      }
    }, "gradus-deep", 512L << 20);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (err[0] instanceof RuntimeException r) throw r;
    if (err[0] instanceof Error r) throw r;
    if (err[0] != null) throw new IllegalStateException(err[0]);
    @SuppressWarnings("unchecked")
    T r = (T) out[0];
    return r;
  }
}
