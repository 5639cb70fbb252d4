package gradus.interp;

import gradus.compile.CompiledFunction;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A full pass over many rows in a fixed number of parts: each part sums its rows in order with
 * its own copy of the compiled code and its own gradient, on the cores, and the parts are added
 * in order. The number of parts does not depend on the machine, so the sums are the same on one
 * core or eight. Each part's arrays are made once; nothing allocates per row.
 */
final class RowParts {
  /** Parts of a pass (four: two cores each take two, four cores one each). */
  static final int PARTS = 4;
  /** Passes over fewer rows run on the calling thread, in one part (a part costs a task handoff). */
  static final int MIN_ROWS = 1024;

  private static volatile ExecutorService pool;

  // each part's code and gradient are made on first use, by whichever thread runs it
  private final CompiledFunction[] code = new CompiledFunction[PARTS];
  private final double[][] grads = new double[PARTS][];
  private final double[] sums = new double[PARTS];
  private final double[] data;
  private final int stride;
  private final int rows;
  private final int n;

  RowParts(CompiledFunction c, double[] data, int stride, int rows) {
    this.data = data;
    this.stride = stride;
    this.rows = rows;
    this.n = c.dimension();
    code[0] = c;
  }

  static boolean worthIt(int rows) {
    return rows >= MIN_ROWS && Runtime.getRuntime().availableProcessors() > 1;
  }

  /** The sum of the rows' values; with {@code grad} not null, their gradients' sum written into it. */
  double sum(double[] x, double[] grad) {
    // the caller and the workers each take the next part until none is left
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    Runnable work = () -> {
      for (int k = next.getAndIncrement(); k < PARTS; k = next.getAndIncrement()) part(k, x, grad != null);
    };
    ExecutorService p = pool();
    int helpers = Math.min(PARTS, Runtime.getRuntime().availableProcessors()) - 1;
    Future<?>[] running = new Future<?>[helpers];
    for (int k = 0; k < helpers; k++) running[k] = p.submit(work);
    RuntimeException failed = null;
    try {
      work.run();
    } catch (RuntimeException e) {
      failed = e;
      next.set(PARTS);
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failed == null) failed = new gradus.compile.Interrupt.Interrupted();
      } catch (ExecutionException e) {
        if (failed == null) failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
    if (failed != null) throw failed;
    double total = 0;
    for (int k = 0; k < PARTS; k++) total += sums[k];
    if (grad != null) {
      System.arraycopy(grads[0], 0, grad, 0, n);
      for (int k = 1; k < PARTS; k++) {
        double[] g = grads[k];
        for (int i = 0; i < n; i++) grad[i] += g[i];
      }
    }
    return total;
  }

  private void part(int k, double[] x, boolean gradient) {
    if (code[k] == null) code[k] = code[0].copy();
    CompiledFunction c = code[k];
    int from = (int) ((long) rows * k / PARTS);
    int to = (int) ((long) rows * (k + 1) / PARTS);
    double s = 0;
    if (gradient) {
      if (grads[k] == null) grads[k] = new double[n];
      double[] g = grads[k];
      Arrays.fill(g, 0.0);
      for (int r = from; r < to; r++) s += c.accumulate(x, data, r * stride, g);
    } else {
      for (int r = from; r < to; r++) s += c.value(x, data, r * stride);
    }
    sums[k] = s;
  }

  private static ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (RowParts.class) {
        if (pool == null) {
          int threads = Math.max(1, Math.min(PARTS, Runtime.getRuntime().availableProcessors()) - 1);
          pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gradus-rows");
            t.setDaemon(true);
            return t;
          });
        }
        p = pool;
      }
    }
    return p;
  }
}
